package dev.limiter;

import dev.limiter.SwitchableBackend.Mode;
import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.BucketState;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.internal.Futures;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterListenerTest {

    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final AcquireRequest ONE = AcquireRequest.of("u1", "api").consume("rpm", 1).withLimits(RPM);
    private static final AcquireRequest ALL = AcquireRequest.of("u1", "api").consume("rpm", 10).withLimits(RPM);

    private final ManualClock clock = ManualClock.create();
    private final SwitchableBackend backend = new SwitchableBackend();
    private final Recorder recorder = new Recorder();

    // ---- decisions ----

    @Test
    void acquire_granted_reportsOneGrantWithTheLease() {
        Lease lease = limiter(recorder).acquire(ONE);

        assertThat(recorder.granted).containsExactly(lease);
        assertThat(recorder.rejected).isEmpty();
    }

    @Test
    void tryAcquire_rejected_reportsOneRejectionWithItsRetryAfter() {
        RateLimiter limiter = limiter(recorder);
        limiter.acquire(ALL);

        Decision decision = limiter.tryAcquire(ONE);

        assertThat(recorder.rejected).containsExactly((Decision.Rejected) decision);
        assertThat(recorder.rejected.get(0).retryAfter()).isEqualTo(Duration.ofSeconds(6));
        assertThat(recorder.granted).hasSize(1);
    }

    @Test
    void acquire_everyLimitUnlimited_reportsGrantWithoutAnyChargeCall() {
        RateLimiter limiter = limiter(recorder);
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.EMPTY.withUnlimited("rpm"));

        limiter.acquire(AcquireRequest.of("u1", "api").consume("rpm", 5));

        assertThat(recorder.granted).hasSize(1);
        assertThat(recorder.backendCalls).doesNotContainKey("charge");
    }

    // ---- backend calls ----

    @Test
    void acquire_coldCache_reportsEntityConfigAndChargeCalls() {
        limiter(recorder).acquire(ONE);

        // One entity lookup, one configuration lookup per stored level and one for the namespace's declared
        // on-unavailable policy, one conditional charge.
        assertThat(recorder.backendCalls).isEqualTo(Map.of("charge", 1, "config", 5, "entity", 1));
        assertThat(recorder.failedCalls).isZero();
    }

    @Test
    void acquire_warmCache_reportsOnlyTheCharge() {
        RateLimiter limiter = limiter(recorder);
        limiter.acquire(ONE);
        recorder.backendCalls.clear();

        limiter.acquire(ONE);

        assertThat(recorder.backendCalls).isEqualTo(Map.of("charge", 1));
    }

    @Test
    void commit_withAdjustment_reportsOneSettle() {
        Lease lease = limiter(recorder).acquire(ONE);
        lease.adjust("rpm", 2);

        lease.commit();

        assertThat(recorder.backendCalls).containsEntry("settle", 1);
    }

    @Test
    void explain_anyEntity_reportsOneRead() {
        limiter(recorder).explain("u1", "api");

        assertThat(recorder.backendCalls).containsEntry("read", 1);
    }

    @Test
    void acquire_backendDown_reportsTheFailedCall() {
        RateLimiter limiter = limiter(recorder);
        limiter.acquire(ONE);
        backend.switchTo(Mode.DOWN);

        assertThatThrownBy(() -> limiter.acquire(ONE)).isInstanceOf(RateLimiterUnavailableException.class);

        assertThat(recorder.failedCalls).isEqualTo(1);
        assertThat(recorder.unavailable).isEqualTo(1);
    }

    // ---- cache lookups ----

    @Test
    void acquire_twice_reportsCacheMissThenHit() {
        RateLimiter limiter = limiter(recorder);

        limiter.acquire(ONE);
        limiter.acquire(ONE);

        assertThat(recorder.cacheLookups).containsExactly(false, true);
    }

    @Test
    void acquire_afterTtl_reportsCacheMissAgain() {
        RateLimiter limiter = limiter(recorder);
        limiter.acquire(ONE);
        clock.advance(Duration.ofSeconds(60));

        limiter.acquire(ONE);

        assertThat(recorder.cacheLookups).containsExactly(false, false);
    }

    // ---- a listener that throws ----

    @Test
    void throwingListener_grant_isStillGrantedAndCharged() {
        RateLimiter limiter = limiter(new ThrowingListener());

        Decision decision = limiter.tryAcquire(ONE);

        assertThat(decision.isGranted()).isTrue();
        assertThat(available()).isEqualTo(9);
    }

    @Test
    void throwingListener_rejection_isStillTheSameRejection() {
        RateLimiter limiter = limiter(new ThrowingListener());
        limiter.acquire(ALL);

        assertThatThrownBy(() -> limiter.acquire(ONE)).isInstanceOfSatisfying(RateLimitExceededException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(6)));
    }

    @Test
    void throwingListener_backendDownUnderAllow_isStillADegradedLease() {
        RateLimiter limiter = limiter(new ThrowingListener()).withOnUnavailable(OnUnavailable.ALLOW);
        backend.switchTo(Mode.DOWN);

        Lease lease = limiter.acquire(ONE);

        assertThat(lease.isDegraded()).isTrue();
    }

    @Test
    void throwingListener_backendDownUnderBlock_throwsUnavailableNotTheListenerFailure() {
        RateLimiter limiter = limiter(new ThrowingListener());
        backend.switchTo(Mode.DOWN);

        assertThatThrownBy(() -> limiter.acquire(ONE)).isInstanceOf(RateLimiterUnavailableException.class);
    }

    @Test
    void throwingListener_commit_isStillWritten() {
        RateLimiter limiter = limiter(new ThrowingListener());
        Lease lease = limiter.acquire(ONE);
        lease.adjust("rpm", 4);

        lease.commit();

        assertThat(lease.isOpen()).isFalse();
        assertThat(available()).isEqualTo(5);
    }

    private RateLimiter limiter(RateLimiterListener listener) {
        return RateLimiter.builder().backend(backend).namespace("ns").clock(clock).sleeper(clock.sleeper())
                .executor(Runnable::run).listener(listener).build();
    }

    private long available() {
        BucketKey key = new BucketKey("ns", "u1", "api");
        BucketState state = Futures.join(backend.healthyView().read(List.of(key))).get(0).state();
        return state.stateFor(RPM, clock.nanos()).availableTokens(clock.nanos());
    }

    /** Records every event. */
    private static final class Recorder implements RateLimiterListener {
        final List<Lease> granted = new ArrayList<>();
        final List<Decision.Rejected> rejected = new ArrayList<>();
        final Map<String, Integer> backendCalls = new TreeMap<>();
        final List<Boolean> cacheLookups = new ArrayList<>();
        int failedCalls;
        int unavailable;

        @Override
        public void onGranted(Lease lease, Duration latency) {
            granted.add(lease);
        }

        @Override
        public void onRejected(Decision.Rejected rejection, Duration latency) {
            rejected.add(rejection);
        }

        @Override
        public void onUnavailable(String entity, String resource, OnUnavailable policy, Throwable cause) {
            unavailable++;
        }

        @Override
        public void onBackendCall(String operation, Duration latency, boolean failed) {
            backendCalls.merge(operation, 1, Integer::sum);
            failedCalls += failed ? 1 : 0;
        }

        @Override
        public void onCacheLookup(boolean hit) {
            cacheLookups.add(hit);
        }
    }

    /** Fails in every event. */
    private static final class ThrowingListener implements RateLimiterListener {
        @Override
        public void onGranted(Lease lease, Duration latency) {
            throw new IllegalStateException("listener failed");
        }

        @Override
        public void onRejected(Decision.Rejected rejection, Duration latency) {
            throw new IllegalStateException("listener failed");
        }

        @Override
        public void onUnavailable(String entity, String resource, OnUnavailable policy, Throwable cause) {
            throw new IllegalStateException("listener failed");
        }

        @Override
        public void onBackendCall(String operation, Duration latency, boolean failed) {
            throw new IllegalStateException("listener failed");
        }

        @Override
        public void onCacheLookup(boolean hit) {
            throw new IllegalStateException("listener failed");
        }
    }
}
