package dev.limiter.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.RateLimiterListener;
import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.internal.Futures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of every contract area: a fresh backend on a {@link ManualClock}, a namespace of the test's own, limiter
 * factories, and an invariant check after each test over every bucket the test touched (no limit holds more than
 * its capacity; no net consumption counter is negative).
 */
public abstract class BackendContract {

    /** The simulated time of the test. */
    protected ManualClock clock;
    /** The backend under test. */
    protected Backend backend;
    /** The namespace of this test. */
    protected String namespace;

    private final Set<BucketKey> touched = ConcurrentHashMap.newKeySet();

    /** Creates the backend under test; called before each test. Buckets may persist across tests. */
    protected abstract Backend newBackend(InstantSource clock);

    @BeforeEach
    void openBackend() {
        clock = ManualClock.create();
        backend = newBackend(clock);
        namespace = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    @AfterEach
    void checkInvariantsAndClose() {
        try {
            List<BucketKey> keys = new ArrayList<>(touched);
            long now = clock.nanos();
            for (BucketSnapshot snapshot : Futures.join(backend.read(keys))) {
                for (LimitState state : snapshot.state().limits()) {
                    assertThat(state.availableTokens(now)).as("available tokens of %s %s", snapshot.key(), state.limit())
                            .isLessThanOrEqualTo(state.limit().capacity());
                    assertThat(state.consumedTokens()).as("net consumption of %s %s", snapshot.key(), state.limit())
                            .isNotNegative();
                }
            }
        } finally {
            backend.close();
        }
    }

    /** A builder for a limiter on the test's backend, namespace and clock, with deterministic waits and executor. */
    protected RateLimiterBuilder limiterBuilder() {
        return RateLimiter.builder().backend(backend).namespace(namespace).clock(clock).sleeper(clock.sleeper())
                .executor(Runnable::run).listener(new RateLimiterListener() {
                    @Override
                    public void onGranted(Lease lease, Duration latency) {
                        lease.statuses().forEach(status -> touched.add(
                                new BucketKey(namespace, status.entity(), status.resource())));
                    }
                });
    }

    /** A limiter on the test's backend, namespace and clock. */
    protected RateLimiter limiter() {
        return limiterBuilder().build();
    }

    /** A request for {@code entity} on {@code resource} consuming {@code amount} of {@code limit}. */
    protected static AcquireRequest request(String entity, String resource, String limit, long amount) {
        return AcquireRequest.of(entity, resource).consume(limit, amount);
    }

    /** Stores {@code limits} at {@code scope} through {@code limiter}. */
    protected static void configure(RateLimiter limiter, ConfigScope scope, Limit... limits) {
        limiter.configs().set(scope, LimitConfig.of(limits));
    }

    /** The stored state of one bucket of this test's namespace. */
    protected BucketState stored(String entity, String resource) {
        BucketKey key = new BucketKey(namespace, entity, resource);
        touched.add(key);
        return Futures.join(backend.read(List.of(key))).get(0).state();
    }

    /** Whole tokens of {@code limit} available now in a bucket of this test's namespace. */
    protected long available(String entity, String resource, Limit limit) {
        return stored(entity, resource).stateFor(limit, clock.nanos()).availableTokens(clock.nanos());
    }
}
