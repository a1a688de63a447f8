package dev.limiter.cli.demo;

import dev.limiter.LeaseFailurePolicy;
import dev.limiter.RateLimiter;
import dev.limiter.backend.Backend;
import dev.limiter.config.Explanation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running demo: the organisation installed on a fresh limiter, {@link DemoSettings#workers()} async
 * {@link Worker}s sending calls until the deadline, and, once they are done, the {@link DemoReport} with the
 * limiter's end state checked against the demo's own {@link Ledger}.
 *
 * <p>Concurrency: workers never block; model latency is a task on a small scheduler, which also runs the limiter's
 * continuations. {@link #awaitDone} is the only blocking call, made by the command's thread between progress
 * updates. {@link #progress()} may be read from any thread. Close the demo to stop its threads.
 */
public final class GatewayDemo implements AutoCloseable {

    private static final int SCHEDULER_THREADS = 2;
    /** How often the in-memory demo samples debt; a remote backend passes a longer period. */
    public static final Duration FAST_SAMPLING = Duration.ofMillis(50);

    private final Organisation organisation;
    private final DemoSettings settings;
    private final RateLimiter limiter;
    private final InstantSource clock;
    private final ScheduledExecutorService scheduler;
    private final Ledger ledger;
    private final Workload workload;
    private final Instant start;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Duration debtSampling;
    private final AtomicBoolean sampling = new AtomicBoolean();

    private GatewayDemo(Backend backend, DemoSettings settings, InstantSource clock,
                        ScheduledExecutorService scheduler, String namespace, Duration debtSampling) {
        this.debtSampling = debtSampling;
        this.organisation = Organisation.acme(settings.usersPerTeam());
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.limiter = RateLimiter.builder().backend(backend).namespace(namespace).clock(clock).executor(scheduler)
                .leaseFailurePolicy(LeaseFailurePolicy.ROLLBACK).build();
        organisation.install(limiter);
        List<String> ids = new ArrayList<>();
        organisation.members().forEach(member -> ids.add(member.id()));
        this.ledger = new Ledger(ids, List.of(Workload.RPM, Workload.TPM));
        this.start = clock.instant();
        this.workload = new Workload(limiter, organisation, settings, scheduler, clock,
                start.plus(settings.duration()), ledger);
    }

    /**
     * Installs the organisation on a limiter over {@code backend} and starts the workers.
     *
     * @param backend  where the limits live; the demo uses namespace {@code demo}, which must hold no buckets yet
     *                 (the bound checks assume every bucket starts full when the workers start)
     * @param settings what to simulate
     * @param clock    the limiter's clock, also used for the deadline and the elapsed time of the bound checks
     */
    public static GatewayDemo start(Backend backend, DemoSettings settings, InstantSource clock) {
        return start(backend, settings, clock, "demo", FAST_SAMPLING);
    }

    /**
     * {@link #start(Backend, DemoSettings, InstantSource)} in {@code namespace}, which must hold no buckets yet (on a
     * shared table, give every run its own namespace), sampling debt every {@code debtSampling}: each sample reads
     * every entity's bucket, so a remote backend wants a period that leaves it room for the workers' calls.
     */
    public static GatewayDemo start(Backend backend, DemoSettings settings, InstantSource clock, String namespace,
                                    Duration debtSampling) {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS, task -> {
            Thread thread = new Thread(task, "limiter-demo");
            thread.setDaemon(true);
            return thread;
        });
        try {
            GatewayDemo demo = new GatewayDemo(backend, settings, clock, scheduler, namespace, debtSampling);
            demo.startWorkers();
            return demo;
        } catch (RuntimeException | Error failure) {
            scheduler.shutdownNow();
            throw failure;
        }
    }

    /** The simulated organisation. */
    public Organisation organisation() {
        return organisation;
    }

    /**
     * Waits up to {@code timeout} for the workers to finish.
     *
     * @return whether they have
     * @throws IllegalStateException if a worker failed unexpectedly, with the failure as cause
     */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        try {
            finished.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException notYet) {
            return false;
        } catch (ExecutionException failed) {
            throw new IllegalStateException("the demo failed: " + failed.getCause().getMessage(), failed.getCause());
        }
    }

    /** The counters now. */
    public Progress progress() {
        return new Progress(ledger.granted(), ledger.rejected(), ledger.rolledBack(), workload.inFlight().get(),
                Duration.between(start, clock.instant()), settings.duration());
    }

    /**
     * Reads every entity's end state from the limiter ({@code explain}) and checks each limit's bound against the
     * ledger.
     *
     * @throws IllegalStateException if the workers have not finished
     */
    public DemoReport report() {
        if (!finished.isDone()) {
            throw new IllegalStateException("the demo is still running");
        }
        List<Explanation.Bucket> buckets = new ArrayList<>();
        for (Organisation.Member member : organisation.members()) {
            buckets.add(limiter.explain(member.id(), settings.resource()).buckets().get(0));
        }
        Duration elapsed = Duration.between(start, clock.instant());
        List<EntityRow> rows = new ArrayList<>();
        List<LimitCheck> checks = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Organisation.Member member = organisation.members().get(i);
            EntityTally tally = ledger.tallyOf(member.id());
            for (Explanation.LimitExplanation limit : buckets.get(i).limits()) {
                checks.add(new LimitCheck(member.id(), limit.limit(), tally.net(limit.limit().name()),
                        limit.available(), elapsed));
            }
            long debt = tpmDebt(buckets.get(i));
            rows.add(new EntityRow(member.id(), member.depth(), tally.granted(), tally.rejected(),
                    tally.net(Workload.TPM), debt, Math.max(debt, tally.peakDebt()), tally.meanRetryAfter()));
        }
        Progress totals = new Progress(ledger.granted(), ledger.rejected(), ledger.rolledBack(), 0, elapsed,
                settings.duration());
        return new DemoReport(totals, rows, checks, elapsed);
    }

    /** Stops the scheduler; calls still in flight are abandoned. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void startWorkers() {
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < settings.workers(); i++) {
            CompletableFuture<Void> worker = new Worker(workload, seeds.split()).start();
            worker.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    finished.completeExceptionally(failure);
                }
            });
            workers.add(worker);
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new))
                .whenComplete((ignored, failure) -> finished.complete(null));
        ScheduledFuture<?> sampler = scheduler.scheduleAtFixedRate(this::sampleDebt, debtSampling.toNanos(),
                debtSampling.toNanos(), TimeUnit.NANOSECONDS);
        finished.whenComplete((ignored, failure) -> sampler.cancel(false));
    }

    /**
     * Reads each entity's {@code tpm} debt for the peak-debt column; a failed read only skips a sample, and a round
     * starts only when the previous one is done, so slow reads never pile up.
     */
    private void sampleDebt() {
        if (!sampling.compareAndSet(false, true)) {
            return;
        }
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (Organisation.Member member : organisation.members()) {
            reads.add(limiter.explainAsync(member.id(), settings.resource()).thenAccept(explanation ->
                    ledger.sawDebt(member.id(), tpmDebt(explanation.buckets().get(0)))));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                .whenComplete((ignored, failure) -> sampling.set(false));
    }

    /** The {@code tpm} debt of an entity's bucket; 0 when it has no {@code tpm} limit. */
    private static long tpmDebt(Explanation.Bucket bucket) {
        long debt = 0;
        for (Explanation.LimitExplanation limit : bucket.limits()) {
            debt += limit.limit().name().equals(Workload.TPM) ? limit.debt() : 0;
        }
        return debt;
    }
}
