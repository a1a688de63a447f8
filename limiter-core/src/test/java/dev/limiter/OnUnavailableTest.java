package dev.limiter;

import dev.limiter.SwitchableBackend.Mode;
import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.BucketState;
import dev.limiter.internal.Futures;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What acquires and settlements do while the backend is unavailable, per {@link OnUnavailable} policy. */
class OnUnavailableTest {

    private static final Limit TPM = Limit.perMinute("tpm", 1_000);
    private static final AcquireRequest CALL = AcquireRequest.of("u1", "llm").consume("tpm", 100).withLimits(TPM);

    private final ManualClock clock = ManualClock.create();
    private final SwitchableBackend backend = new SwitchableBackend();
    private final List<String> unavailable = new ArrayList<>();

    // ---- acquire ----

    @Test
    void acquire_backendDownUnderBlock_throwsUnavailableWithCause() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        backend.switchTo(Mode.DOWN);

        assertThatThrownBy(() -> limiter.acquire(CALL)).isInstanceOf(RateLimiterUnavailableException.class)
                .hasCauseInstanceOf(IOException.class).hasRootCauseMessage("connection refused");
    }

    @Test
    void acquireAsync_backendDownUnderBlock_failsTheFutureWithUnavailable() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        backend.switchTo(Mode.DOWN);

        CompletableFuture<Lease> future = limiter.acquireAsync(CALL);

        assertThat(future).isCompletedExceptionally();
        assertThatThrownBy(future::join).hasCauseInstanceOf(RateLimiterUnavailableException.class);
    }

    @Test
    void acquire_backendDownUnderAllow_grantsDegradedLeaseThatChargesNothing() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        backend.switchTo(Mode.DOWN);

        Lease lease = limiter.acquire(CALL);
        lease.adjust("tpm", 500);
        lease.commit();

        assertThat(lease.isDegraded()).isTrue();
        assertThat(lease.charged()).isEmpty();
        assertThat(lease.statuses()).isEmpty();
        assertThat(stored()).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void acquireWithWait_backendDownUnderAllow_grantsDegradedLeaseWithoutWaiting() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        backend.switchTo(Mode.DOWN);
        long before = clock.nanos();

        Lease lease = limiter.acquire(CALL, Duration.ofSeconds(5));

        assertThat(lease.isDegraded()).isTrue();
        assertThat(clock.nanos()).isEqualTo(before);
    }

    @Test
    void degradedLease_toString_namesIdTargetStateAndThatItChargedNothing() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        backend.switchTo(Mode.DOWN);
        Lease lease = limiter.acquire(CALL);

        lease.commit();

        assertThat(lease.toString()).startsWith("DegradedLease[" + lease.id() + " " + lease.entity() + "/"
                + lease.resource() + " committed").contains("charged nothing").doesNotContain("@");
    }

    @Test
    void degradedLease_settledTwice_throwsIllegalStateLikeARealLease() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        backend.switchTo(Mode.DOWN);
        Lease lease = limiter.acquire(CALL);
        lease.commit();

        assertThatThrownBy(lease::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("already committed");
        assertThatThrownBy(lease::rollback).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lease.adjust("tpm", 1)).isInstanceOf(IllegalStateException.class);
        assertThat(lease.isOpen()).isFalse();
    }

    @Test
    void degradedLease_closeAfterRollback_doesNothingAndAsyncSettleFailsTheFuture() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        backend.switchTo(Mode.DOWN);
        Lease lease = limiter.acquire(CALL);
        lease.rollback();

        lease.close();

        assertThat(lease.commitAsync()).isCompletedExceptionally();
    }

    @Test
    void degradedLease_adjustWithInvalidName_isStillValidated() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        backend.switchTo(Mode.DOWN);
        Lease lease = limiter.acquire(CALL);

        assertThatThrownBy(() -> lease.adjust("tpm#x", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit name 'tpm#x' is invalid");
    }

    @Test
    void acquire_onlyConfigLoadsFailUnderAllow_grantsDegradedLease() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        backend.switchTo(Mode.CONFIG_LOADS_DOWN);

        Lease lease = limiter.acquire(CALL);

        assertThat(lease.isDegraded()).isTrue();
    }

    @Test
    void acquire_configLoadFailedEarlier_loadsAgainOnceBackendRecovers() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        backend.switchTo(Mode.CONFIG_LOADS_DOWN);
        assertThatThrownBy(() -> limiter.acquire(CALL)).isInstanceOf(RateLimiterUnavailableException.class);
        backend.switchTo(Mode.HEALTHY);

        Lease lease = limiter.acquire(CALL);

        assertThat(lease.isDegraded()).isFalse();
        assertThat(available()).isEqualTo(900);
    }

    // ---- per-call override ----

    @Test
    void withOnUnavailable_allowViewOfBlockingLimiter_grantsDegradedLease() {
        RateLimiter blocking = limiter(OnUnavailable.BLOCK);
        backend.switchTo(Mode.DOWN);

        Lease lease = blocking.withOnUnavailable(OnUnavailable.ALLOW).acquire(CALL);

        assertThat(lease.isDegraded()).isTrue();
        assertThat(blocking.onUnavailable()).isEqualTo(OnUnavailable.BLOCK);
        assertThatThrownBy(() -> blocking.acquire(CALL)).isInstanceOf(RateLimiterUnavailableException.class);
    }

    @Test
    void withOnUnavailable_blockViewOfAllowingLimiter_throws() {
        RateLimiter allowing = limiter(OnUnavailable.ALLOW);
        backend.switchTo(Mode.DOWN);

        assertThatThrownBy(() -> allowing.withOnUnavailable(OnUnavailable.BLOCK).acquire(CALL))
                .isInstanceOf(RateLimiterUnavailableException.class);
    }

    @Test
    void acquire_backendDown_tellsListenerWithPolicyAndCause() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        backend.switchTo(Mode.DOWN);

        limiter.withOnUnavailable(OnUnavailable.ALLOW).acquire(CALL);
        assertThatThrownBy(() -> limiter.acquire(CALL)).isInstanceOf(RateLimiterUnavailableException.class);

        assertThat(unavailable).containsExactly("u1/llm ALLOW connection refused", "u1/llm BLOCK connection refused");
    }

    // ---- settlement ----

    @Test
    void commit_settleFailsUnderBlock_throwsAndLeavesLeaseOpen() {
        Lease lease = limiter(OnUnavailable.BLOCK).acquire(CALL);
        lease.adjust("tpm", 50);
        backend.switchTo(Mode.SETTLE_DOWN);

        assertThatThrownBy(lease::commit).isInstanceOf(RateLimiterUnavailableException.class);
        assertThat(lease.isOpen()).isTrue();
        assertThat(available()).isEqualTo(900);
        assertThat(unavailable).containsExactly("u1/llm BLOCK connection refused");
    }

    @Test
    void commit_retriedAfterBackendRecovers_chargesTheAdjustmentExactlyOnce() {
        Lease lease = limiter(OnUnavailable.BLOCK).acquire(CALL);
        lease.adjust("tpm", 50);
        backend.switchTo(Mode.SETTLE_DOWN);
        assertThatThrownBy(lease::commit).isInstanceOf(RateLimiterUnavailableException.class);
        backend.switchTo(Mode.HEALTHY);

        lease.commit();

        assertThat(lease.isOpen()).isFalse();
        assertThat(lease.charged()).containsEntry("tpm", 150L);
        assertThat(available()).isEqualTo(850);
    }

    @Test
    void rollback_retriedAfterBackendRecovers_refundsExactlyOnce() {
        Lease lease = limiter(OnUnavailable.BLOCK).acquire(CALL);
        backend.switchTo(Mode.SETTLE_DOWN);
        assertThatThrownBy(lease::rollback).isInstanceOf(RateLimiterUnavailableException.class);
        assertThat(lease.isOpen()).isTrue();
        backend.switchTo(Mode.HEALTHY);

        lease.rollback();

        assertThat(available()).isEqualTo(1_000);
    }

    @Test
    void commit_settleFailsUnderAllow_isDroppedAndReported() {
        Lease lease = limiter(OnUnavailable.ALLOW).acquire(CALL);
        lease.adjust("tpm", 50);
        backend.switchTo(Mode.SETTLE_DOWN);

        lease.commit();

        assertThat(lease.isOpen()).isFalse();
        assertThat(available()).isEqualTo(900);
        assertThat(unavailable).containsExactly("u1/llm ALLOW connection refused");
    }

    // ---- bugs are not outages ----

    @Test
    void acquire_backendFailsWithBugUnderAllow_throwsTheBugInsteadOfDegrading() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        backend.switchTo(Mode.BROKEN);

        assertThatThrownBy(() -> limiter.acquire(CALL)).isInstanceOf(IllegalStateException.class)
                .hasMessage("bug in backend");
        assertThat(unavailable).isEmpty();
    }

    @Test
    void commit_settleFailsWithBugUnderAllow_throwsAndLeavesLeaseOpen() {
        Lease lease = limiter(OnUnavailable.ALLOW).acquire(CALL);
        lease.adjust("tpm", 50);
        backend.switchTo(Mode.BROKEN);

        assertThatThrownBy(lease::commit).isInstanceOf(IllegalStateException.class).hasMessage("bug in backend");
        assertThat(lease.isOpen()).isTrue();
    }

    private RateLimiter limiter(OnUnavailable policy) {
        return RateLimiter.builder().backend(backend).namespace("ns").clock(clock).sleeper(clock.sleeper())
                .executor(Runnable::run).onUnavailable(policy).listener(new RateLimiterListener() {
                    @Override
                    public void onUnavailable(String entity, String resource, OnUnavailable applied, Throwable cause) {
                        unavailable.add(entity + "/" + resource + " " + applied + " " + cause.getCause().getMessage());
                    }
                }).build();
    }

    private BucketState stored() {
        BucketKey key = new BucketKey("ns", "u1", "llm");
        return Futures.join(backend.healthyView().read(List.of(key))).get(0).state();
    }

    private long available() {
        return stored().stateFor(TPM, clock.nanos()).availableTokens(clock.nanos());
    }
}
