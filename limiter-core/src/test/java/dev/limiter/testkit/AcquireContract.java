package dev.limiter.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.RateLimitExceededException;
import dev.limiter.RateLimiter;
import dev.limiter.bucket.BucketState;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grant, reject, exact retry-after, multi-limit atomicity and waiting. */
public abstract class AcquireContract extends BackendContract {

    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 1_000);

    // ---- grant and reject ----

    @Test
    void acquire_withinCapacity_grantsAndReportsRemaining() {
        RateLimiter limiter = limiter();

        Lease lease = limiter.acquire(request("u1", "api", "rpm", 3).withLimits(RPM));

        assertThat(lease.charged()).containsExactly(Map.entry("rpm", 3L));
        assertThat(lease.statuses()).singleElement().satisfies(status -> {
            assertThat(status.available()).isEqualTo(7);
            assertThat(status.requested()).isEqualTo(3);
            assertThat(status.exceeded()).isFalse();
        });
        assertThat(available("u1", "api", RPM)).isEqualTo(7);
    }

    @Test
    void acquire_bucketEmpty_rejectsWithExactRetryAfter() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 4).withLimits(RPM));

        Decision decision = limiter.tryAcquire(request("u1", "api", "rpm", 7).withLimits(RPM));

        // 4 taken of 10, refill 1 per 6 s: 7 more fit once 1 token has refilled, 6 s from now.
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(6));
            assertThat(rejected.violations()).singleElement()
                    .satisfies(violation -> assertThat(violation.available()).isEqualTo(6));
        });
    }

    @Test
    void acquire_afterExactRetryAfter_grants() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));
        Duration retryAfter = ((Decision.Rejected) limiter.tryAcquire(request("u1", "api", "rpm", 1).withLimits(RPM)))
                .retryAfter();

        clock.advance(retryAfter.minusNanos(1));
        boolean grantedEarly = limiter.tryAcquire(request("u1", "api", "rpm", 1).withLimits(RPM)).isGranted();
        clock.advanceNanos(1);
        boolean grantedOnTime = limiter.tryAcquire(request("u1", "api", "rpm", 1).withLimits(RPM)).isGranted();

        assertThat(retryAfter).isEqualTo(Duration.ofSeconds(6));
        assertThat(grantedEarly).isFalse();
        assertThat(grantedOnTime).isTrue();
    }

    @Test
    void acquire_rejected_throwsWithRetryAfterAndHttpBody() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));

        assertThatThrownBy(() -> limiter.acquire(request("u1", "api", "rpm", 1).withLimits(RPM)))
                .isInstanceOfSatisfying(RateLimitExceededException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(6));
                    assertThat(e.retryAfterHeader()).isEqualTo("6");
                    assertThat(e.getMessage()).contains("u1", "api", "rpm");
                    assertThat(e.toMap()).containsEntry("error", "rate_limit_exceeded")
                            .containsEntry("retry_after_seconds", 6L).containsEntry("entity", "u1");
                    assertThat(e.violations()).extracting(LimitStatus::limitName).containsExactly("rpm");
                });
    }

    @Test
    void acquire_oneOfTwoLimitsShort_chargesNeither() {
        RateLimiter limiter = limiter();
        limiter.acquire(AcquireRequest.of("u1", "llm").consume("tpm", 900).withLimits(TPM, RPM));

        Decision decision = limiter.tryAcquire(
                AcquireRequest.of("u1", "llm").consume("rpm", 1).consume("tpm", 200).withLimits(TPM, RPM));

        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.violations()).extracting(LimitStatus::limitName).containsExactly("tpm");
            assertThat(rejected.statuses()).extracting(LimitStatus::limitName).containsExactlyInAnyOrder("rpm", "tpm");
        });
        assertThat(available("u1", "llm", RPM)).isEqualTo(10);
        assertThat(available("u1", "llm", TPM)).isEqualTo(100);
    }

    @Test
    void acquire_bucketIdleForLong_refillsToCapacityOnly() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));

        clock.advance(Duration.ofHours(5));

        assertThat(available("u1", "api", RPM)).isEqualTo(10);
        assertThat(limiter.tryAcquire(request("u1", "api", "rpm", 10).withLimits(RPM)).isGranted()).isTrue();
        assertThat(limiter.tryAcquire(request("u1", "api", "rpm", 1).withLimits(RPM)).isGranted()).isFalse();
    }

    // ---- requests that can never succeed ----

    @Test
    void acquire_amountAboveCapacity_throwsDistinctErrorAndWritesNothing() {
        RateLimiter limiter = limiter();

        assertThatThrownBy(() -> limiter.tryAcquire(request("u1", "api", "rpm", 11).withLimits(RPM)))
                .isInstanceOfSatisfying(AmountExceedsCapacityException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("rpm");
                    assertThat(e.capacity()).isEqualTo(10);
                    assertThat(e.requested()).isEqualTo(11);
                });
        assertThat(stored("u1", "api")).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void acquire_limitNobodyConfigured_throwsNamingItAndWritesNothing() {
        RateLimiter limiter = limiter();

        assertThatThrownBy(() -> limiter.acquire(
                AcquireRequest.of("u1", "api").consume("rpm", 1).consume("rph", 1).withLimits(RPM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rph'").hasMessageContaining("rpm");
        assertThat(stored("u1", "api")).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void acquire_everyLimitUnlimited_grantsWithoutWriting() {
        RateLimiter limiter = limiter();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.EMPTY.withUnlimited("rpm"));

        Lease lease = limiter.acquire(request("u1", "api", "rpm", 1_000_000));

        assertThat(lease.charged()).isEmpty();
        assertThat(stored("u1", "api")).isEqualTo(BucketState.EMPTY);
    }

    // ---- waiting ----

    @Test
    void acquireWithWait_tokensArriveBeforeDeadline_grantsAtRetryAfter() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));
        long before = clock.nanos();

        Lease lease = limiter.acquire(request("u1", "api", "rpm", 2).withLimits(RPM), Duration.ofSeconds(30));

        assertThat(lease.charged()).containsEntry("rpm", 2L);
        assertThat(Duration.ofNanos(clock.nanos() - before)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void acquireWithWait_retryAfterBeyondDeadline_throwsWithoutWaiting() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));
        long before = clock.nanos();

        assertThatThrownBy(() -> limiter.acquire(request("u1", "api", "rpm", 2).withLimits(RPM), Duration.ofSeconds(11)))
                .isInstanceOf(RateLimitExceededException.class);
        assertThat(clock.nanos()).isEqualTo(before);
    }

    @Test
    void acquireAsyncWithWait_tokensArrive_completesWithLease() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));

        Lease lease = limiter.acquireAsync(request("u1", "api", "rpm", 1).withLimits(RPM), Duration.ofSeconds(6)).join();

        assertThat(lease.charged()).containsEntry("rpm", 1L);
    }

    @Test
    void acquireAsync_rejected_failsFutureWithoutThrowing() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));

        var future = limiter.acquireAsync(request("u1", "api", "rpm", 1).withLimits(RPM));

        assertThatThrownBy(future::join).hasCauseInstanceOf(RateLimitExceededException.class);
        assertThat(future).isCompletedExceptionally();
    }

    @Test
    void tryAcquire_sameEntityOtherResource_usesSeparateBucket() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));

        Decision other = limiter.tryAcquire(request("u1", "search", "rpm", 10).withLimits(RPM));

        assertThat(other.isGranted()).isTrue();
        assertThat(List.of(available("u1", "api", RPM), available("u1", "search", RPM))).containsExactly(0L, 0L);
    }
}
