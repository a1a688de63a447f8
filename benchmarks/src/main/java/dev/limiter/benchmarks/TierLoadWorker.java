package dev.limiter.benchmarks;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.LimitStatus;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.allowance.AllowanceCounters;
import dev.limiter.allowance.LocalTierView;
import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.internal.Arithmetic;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One process of a {@link LocalTierLoadBenchmark} run: its own client and limiter (the local tier on or off),
 * {@code callers} threads each acquiring one token at a paced rate from a common start instant until the run's end,
 * committing every grant at once. It counts every HTTP attempt of its client from the start to after the limiter's
 * {@code close()} (which returns the tier's unused tokens), records every grant's wall-clock interval, and writes
 * its counters and grants to a file for the coordinator ({@link TierRecords}).
 */
final class TierLoadWorker {

    /** Bucket items of these scenarios are 108–174 bytes (docs/benchmarks.md), so every write costs one unit. */
    private static final int ITEM_BYTES = 200;

    private final TierSettings settings;
    private final TierRun run;
    private final int id;
    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final List<long[]> grants = new ArrayList<>();

    TierLoadWorker(TierSettings settings, TierRun run, int id) {
        this.settings = settings;
        this.run = run;
        this.id = id;
    }

    /** Runs the callers from {@code startMillis} (epoch) for the run's seconds and writes the record to {@code out}. */
    void run(URI endpoint, String namespace, long startMillis, Path out) throws Exception {
        RequestLog log = new RequestLog();
        try (DynamoDbAsyncClient client = WorkerClient.open(endpoint, LocalTierLoadBenchmark.TABLE, run.kind(),
                log)) {
            Backend backend = DynamoDbBackend.builder().client(client).tableName(LocalTierLoadBenchmark.TABLE)
                    .jitter(new SplittableRandom(settings.seed() * 31 + id)).build();
            FailedSettles failedSettles = new FailedSettles();
            RateLimiterBuilder builder = RateLimiter.builder().backend(backend).namespace(namespace)
                    .onUnavailable(OnUnavailable.BLOCK).listener(failedSettles);
            if (run.tier()) {
                builder.localTier(settings.tier());
            }
            RateLimiter limiter = builder.build();
            WorkerClient.warmUp(limiter, run.scenario().entities(), TierScenario.RESOURCE);
            log.drain(); // configuration reads before the start are not part of the run
            long untilStart = startMillis - System.currentTimeMillis();
            count("lateStartMillis", Math.max(0, -untilStart));
            long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(untilStart);
            runCallers(limiter, startNanos);
            limiter.close();
            count("settlesFailed", failedSettles.count());
            limiter.localTier().ifPresent(tier -> ledger(tier, run.scenario().bindingKey(namespace)));
            Bill bill = Bill.of(log.drain(), key -> ITEM_BYTES);
            count("requests", bill.requests());
            count("writeMilliUnits", Math.round(bill.writeUnits() * 1000));
            count("readMilliUnits", Math.round(bill.readUnits() * 1000));
        }
        TierRecords.write(out, counters, grants);
    }

    private void runCallers(RateLimiter limiter, long startNanos) throws Exception {
        long deadline = startNanos + TimeUnit.SECONDS.toNanos(settings.seconds());
        double perCaller = settings.rate() * run.demand() / (settings.processes() * settings.callers());
        long intervalNanos = Math.max(1, (long) (1e9 / perCaller));
        ExecutorService pool = Executors.newFixedThreadPool(settings.callers());
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < settings.callers(); c++) {
                SplittableRandom random = new SplittableRandom(settings.seed() * 1_000 + id * 100L + c);
                long first = startNanos + random.nextLong(intervalNanos);
                callers.add(pool.submit(() -> caller(limiter, first, intervalNanos, deadline)));
            }
            for (Future<?> caller : callers) {
                caller.get(settings.seconds() + 120L, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Acquires at a steady pace; a caller that falls behind (a slow server) goes on at once without bursting. */
    private Void caller(RateLimiter limiter, long first, long intervalNanos, long deadline) {
        AcquireRequest request = AcquireRequest.of(run.scenario().entity(), TierScenario.RESOURCE)
                .consume(TierScenario.LIMIT, 1);
        long next = first;
        for (int op = 0; op < settings.ops() && next < deadline; op++) {
            long now = System.nanoTime();
            while (now < next) {
                LockSupport.parkNanos(next - now);
                now = System.nanoTime();
            }
            if (now - next > intervalNanos) {
                next = now;
            }
            acquire(limiter, request);
            next += intervalNanos;
        }
        return null;
    }

    private void acquire(RateLimiter limiter, AcquireRequest request) {
        count("attempts", 1);
        long start = epochNanos();
        Decision decision;
        try {
            decision = limiter.tryAcquire(request);
        } catch (RateLimiterUnavailableException unavailable) {
            count("unavailable", 1);
            count("throttlingSurfaced", causedByThrottling(unavailable) ? 1 : 0);
            return;
        }
        long end = epochNanos();
        if (decision instanceof Decision.Granted granted) {
            count("granted", 1);
            count("servedLocally", granted.lease().servedLocally() ? 1 : 0);
            synchronized (grants) {
                grants.add(new long[] {start, end});
            }
            try {
                granted.lease().commit();
            } catch (RateLimiterUnavailableException unavailable) {
                count("settleFailed", 1);
            }
            return;
        }
        count("rejected", 1);
        for (LimitStatus violation : ((Decision.Rejected) decision).violations()) {
            if (violation.limitName().equals("dynamodb.key-write-rate")) {
                count("throttlingSurfaced", 1);
                return;
            }
        }
        Duration retryAfter = ((Decision.Rejected) decision).retryAfter();
        count("rejectedRetryAfterMillis", retryAfter.toMillis());
    }

    /** Adds the tier's reservations and the binding bucket's ledger: tokens reserved, returned, granted locally. */
    private void ledger(LocalTierView tier, BucketKey binding) {
        count("reservations", tier.reservations());
        for (AllowanceCounters counters : tier.ledger()) {
            if (!counters.key().equals(binding) || !counters.limitName().equals(TierScenario.LIMIT)) {
                continue;
            }
            count("reserved", counters.reserved());
            count("returned", counters.returned());
            count("returnsFailed", counters.returnsFailed());
            count("grantedLocally", counters.grantedLocally());
            count("heldAtEnd", counters.held());
        }
    }

    static boolean causedByThrottling(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage()) + cause.getClass().getSimpleName();
            if (text.contains("Throttl") || text.contains("ProvisionedThroughputExceeded")
                    || text.contains("RequestLimitExceeded")) {
                return true;
            }
        }
        return false;
    }

    private void count(String name, long amount) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(amount);
    }

    private static long epochNanos() {
        return Arithmetic.epochNanos(Instant.now());
    }
}
