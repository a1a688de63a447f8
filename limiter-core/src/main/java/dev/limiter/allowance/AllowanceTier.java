package dev.limiter.allowance;

import dev.limiter.LocalAllowanceEvent;
import dev.limiter.LocalTier;
import dev.limiter.RateLimiterListener;
import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.LimitCharge;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigStore;
import dev.limiter.entity.EntityStore;
import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.Futures;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local tier over any {@link Backend}: charges on limits that all have a {@link dev.limiter.LocalAllowance} are
 * served from tokens reserved in batches, one pool per distinct set of charged buckets; every other charge goes to
 * the backend unchanged. Built by {@link dev.limiter.RateLimiterBuilder#localTier}; applications see it through
 * {@link LocalTierView}.
 *
 * <p>A miss makes one reservation per pool at a time (single-flight): concurrent misses wait for it and then try the
 * pool again, at most {@value #MAX_ATTEMPTS} times before being charged exactly. A charge is exact (the request
 * alone, as without the tier) when a limit's share cannot hold the request, when the shared bucket was last seen with
 * too little, or when the reservation is denied; so the last tokens stay usable and a rejection carries the exact
 * retry-after of the shared state.
 */
public final class AllowanceTier implements Backend, LocalTierView {

    /** How often one acquire tries the pool before it is charged exactly. */
    static final int MAX_ATTEMPTS = 3;
    /** How long a pool that holds nothing is kept (with its demand and ledger) after its last use. */
    static final Duration POOL_IDLE = Duration.ofSeconds(60);

    private final Backend backend;
    private final LocalTier settings;
    private final InstantSource clock;
    private final RateLimiterListener listener;
    private final ConcurrentHashMap<List<BucketKey>, Pool> pools = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Tally.Id, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicLong reservations = new AtomicLong();
    private final ScheduledExecutorService sweeper;
    private volatile boolean closed;

    private AllowanceTier(Backend backend, LocalTier settings, InstantSource clock, RateLimiterListener listener) {
        this.backend = backend;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        if (settings.sweepInterval().isZero()) {
            this.sweeper = null;
        } else {
            this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "limiter-local-tier-sweeper");
                thread.setDaemon(true);
                return thread;
            });
            long period = settings.sweepInterval().toNanos();
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.NANOSECONDS);
        }
    }

    /** A tier over {@code backend} with {@code settings}, its clock and (exception-safe) listener. */
    public static AllowanceTier over(Backend backend, LocalTier settings, InstantSource clock,
                                     RateLimiterListener listener) {
        return new AllowanceTier(backend, settings, clock, listener);
    }

    /** The backend the tier fronts. */
    public Backend backend() {
        return backend;
    }

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        return chargeTracked(request).thenApply(TierCharge::outcome);
    }

    /** Charges {@code request} locally when it can, else through the backend; says which. */
    public CompletableFuture<TierCharge> chargeTracked(ChargeRequest request) {
        if (closed || !servable(request)) {
            return exact(request, null);
        }
        return attempt(request, 1);
    }

    private CompletableFuture<TierCharge> attempt(ChargeRequest arrived, int attempt) {
        // A try after waiting for a reservation is judged when it is made: judged at the arrival instant, a chunk
        // reserved meanwhile would be charged (and expire) in the past, and a rejection would count from then.
        ChargeRequest request = attempt == 1 ? arrived : restamped(arrived);
        List<BucketKey> keys = keysOf(request);
        Returns returns = new Returns();
        Pool pool;
        List<Entry.Taken> taken;
        ChargeOutcome estimate = null;
        CompletableFuture<Void> wait = null;
        Pool.Reservation reservation = null;
        CompletableFuture<Void> mine = null;
        while (true) {
            pool = pools.computeIfAbsent(keys, k -> new Pool(k, id -> tallies.computeIfAbsent(id,
                    i -> new Tally(i.key(), i.limitName()))));
            synchronized (pool) {
                if (pool.removed) {
                    continue;
                }
                taken = pool.tryTake(request, attempt == 1, returns);
                if (taken != null) {
                    estimate = pool.estimate(request);
                } else if (attempt < MAX_ATTEMPTS && pool.inFlight != null) {
                    wait = pool.inFlight;
                } else if (attempt < MAX_ATTEMPTS && pool.inFlight == null) {
                    reservation = pool.reservation(request, settings.batchInterval().toNanos());
                    if (reservation != null) {
                        mine = new CompletableFuture<>();
                        pool.inFlight = mine;
                    }
                }
            }
            break;
        }
        flush(returns, request.nowNanos());
        if (taken != null) {
            return CompletableFuture.completedFuture(new TierCharge(estimate,
                    Optional.of(new LocalGrant(this, pool, taken)), request.nowNanos()));
        }
        if (wait != null) {
            return wait.thenCompose(done -> attempt(request, attempt + 1));
        }
        if (reservation == null) {
            return exact(request, pool);
        }
        return reserve(request, attempt, pool, reservation, mine);
    }

    private CompletableFuture<TierCharge> reserve(ChargeRequest request, int attempt, Pool pool,
                                                  Pool.Reservation reservation, CompletableFuture<Void> mine) {
        reservations.incrementAndGet();
        long start = clockNanos();
        CompletableFuture<ChargeOutcome> charged = Futures.guard(() -> backend.charge(reservation.request()));
        return charged.handle((outcome, failure) -> {
            Duration took = since(start);
            listener.onBackendCall("charge", took, failure != null);
            List<LocalAllowanceEvent> events = List.of();
            Returns late = new Returns();
            synchronized (pool) {
                if (outcome != null) {
                    pool.landedAfter(took.toNanos());
                    events = pool.reserved(reservation, outcome);
                    if (closed) {
                        pool.sweep(request.nowNanos(), true, 0, late);
                    }
                }
                pool.inFlight = null;
            }
            events.forEach(listener::onLocalAllowance);
            flush(late, request.nowNanos());
            mine.complete(null);
            if (failure != null) {
                return CompletableFuture.<TierCharge>failedFuture(Futures.unwrap(failure));
            }
            return outcome.granted() ? attempt(request, attempt + 1) : exact(restamped(request), pool);
        }).thenCompose(next -> next);
    }

    /** The request alone, charged to the backend as without the tier; a pool learns the shared state it shows. */
    private CompletableFuture<TierCharge> exact(ChargeRequest request, Pool pool) {
        long start = clockNanos();
        return Futures.guard(() -> backend.charge(request)).whenComplete((outcome, failure) ->
                listener.onBackendCall("charge", since(start), failure != null)).thenApply(outcome -> {
                    if (pool != null) {
                        synchronized (pool) {
                            pool.observe(outcome, request.nowNanos());
                        }
                    }
                    return new TierCharge(outcome, Optional.empty(), request.nowNanos());
                });
    }

    /** {@code request} stamped with the clock now (never earlier than its own stamp). */
    private ChargeRequest restamped(ChargeRequest request) {
        long now = clockNanos();
        return now <= request.nowNanos() ? request : new ChargeRequest(request.leaseId(), now, request.buckets());
    }

    /** Whether every charge of {@code request} is on a limit with an allowance (shadow limits stay exact). */
    static boolean servable(ChargeRequest request) {
        for (BucketCharge bucket : request.buckets()) {
            for (LimitCharge charge : bucket.charges()) {
                if (!charge.limit().local().enabled() || charge.limit().shadow()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<BucketKey> keysOf(ChargeRequest request) {
        if (request.buckets().size() == 1) {
            return List.of(request.buckets().get(0).key());
        }
        List<BucketKey> keys = new ArrayList<>(request.buckets().size());
        request.buckets().forEach(bucket -> keys.add(bucket.key()));
        return List.copyOf(keys);
    }

    /** Settles adjustments that did not fit an allowance, and refunds, through the backend. */
    CompletableFuture<Void> forward(SettleRequest request) {
        long start = clockNanos();
        return Futures.guard(() -> backend.settle(request)).whenComplete((done, failure) ->
                listener.onBackendCall("settle", since(start), failure != null));
    }

    /**
     * Refunds what {@code returns} collected, reporting the events; a failed refund is reported as
     * {@link LocalAllowanceEvent.Kind#RETURN_FAILED} and counted in the ledger as still charged.
     */
    private CompletableFuture<Void> flush(Returns returns, long nowNanos) {
        if (returns.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        returns.events().forEach(listener::onLocalAllowance);
        return forward(returns.toRequest(nowNanos)).exceptionally(failure -> {
            returns.failed().forEach(listener::onLocalAllowance);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> settle(SettleRequest request) {
        return backend.settle(request);
    }

    @Override
    public CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys) {
        return backend.read(keys);
    }

    @Override
    public ConfigStore configs() {
        return backend.configs();
    }

    @Override
    public EntityStore entities() {
        return backend.entities();
    }

    @Override
    public List<AllowanceCounters> ledger() {
        List<AllowanceCounters> counters = new ArrayList<>(tallies.size());
        tallies.values().forEach(tally -> counters.add(tally.counters()));
        return counters;
    }

    @Override
    public long reservations() {
        return reservations.get();
    }

    @Override
    public void sweep() {
        sweepAt(clockNanos(), false);
    }

    /** Tokens of {@code limitName} on {@code key} this process holds unused, over every pool. */
    public long held(BucketKey key, String limitName) {
        long held = 0;
        for (Pool pool : pools.values()) {
            if (pool.keys.contains(key)) {
                synchronized (pool) {
                    held += pool.held(key, limitName);
                }
            }
        }
        return held;
    }

    /**
     * Returns every allowance to the shared bucket and stops the sweeper; later charges are exact. Does not close
     * the backend, which the limiter does not own.
     */
    @Override
    public void close() {
        closed = true;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        sweepAt(clockNanos(), true);
    }

    private void sweepQuietly() {
        try {
            sweepAt(clockNanos(), false);
        } catch (RuntimeException e) {
            listener.onUnavailable("*", "*", dev.limiter.OnUnavailable.ALLOW, e);
        }
    }

    /**
     * Returns expired allowances at {@code nowNanos} (all of them with {@code all}), those of limits nobody asked
     * for within two batch intervals, and drops pools idle for {@link #POOL_IDLE}; waits for the refunds.
     */
    void sweepAt(long nowNanos, boolean all) {
        long idle = 2 * settings.batchInterval().toNanos();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        boolean dropped = false;
        for (Pool pool : pools.values()) {
            Returns returns = new Returns();
            synchronized (pool) {
                pool.sweep(nowNanos, all, all ? 0 : idle, returns);
                if (!all && pool.isEmpty() && nowNanos - pool.touchedAtNanos >= POOL_IDLE.toNanos()) {
                    pool.removed = true;
                    pools.remove(pool.keys, pool);
                    dropped = true;
                }
            }
            writes.add(flush(returns, nowNanos));
        }
        if (dropped) {
            forgetUnpooled();
        }
        writes.forEach(Futures::join);
    }

    /**
     * Drops the ledger of buckets no pool holds any more, so that a process serving millions of entities keeps
     * counters only for those active within {@link #POOL_IDLE}.
     */
    private void forgetUnpooled() {
        Set<BucketKey> live = new HashSet<>();
        pools.values().forEach(pool -> live.addAll(pool.keys));
        tallies.keySet().removeIf(id -> !live.contains(id.key()));
    }

    private long clockNanos() {
        return Arithmetic.epochNanos(clock.instant());
    }

    private Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, clockNanos() - startNanos));
    }
}
