package dev.limiter.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.LeaseFailurePolicy;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Adjust (debt and refunds), commit, rollback, single use, and the withLease helpers. */
public abstract class LeaseContract extends BackendContract {

    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 1_000);

    private AcquireRequest llmCall(long estimatedTokens) {
        return AcquireRequest.of("u1", "llm").consume("rpm", 1).consume("tpm", estimatedTokens).withLimits(RPM, TPM);
    }

    // ---- adjust ----

    @Test
    void adjust_beyondCapacity_drivesIntoDebtThatBlocksUntilRepaid() {
        RateLimiter limiter = limiter();
        Lease lease = limiter.acquire(llmCall(500));

        lease.adjust("tpm", 1_200);
        lease.commit();

        // 1,700 used of 1,000: 700 in debt; one more token needs 701 tokens of refill at 60 ms each.
        assertThat(available("u1", "llm", TPM)).isEqualTo(-700);
        Decision next = limiter.tryAcquire(llmCall(1));
        assertThat(next).isInstanceOfSatisfying(Decision.Rejected.class,
                rejected -> assertThat(rejected.retryAfter()).isEqualTo(Duration.ofMillis(701 * 60)));
        clock.advance(Duration.ofMillis(701 * 60));
        assertThat(limiter.tryAcquire(llmCall(1)).isGranted()).isTrue();
    }

    @Test
    void adjust_negativeBeyondCharge_refundsOnlyWhatTheLeaseCharged() {
        RateLimiter limiter = limiter();
        limiter.acquire(AcquireRequest.of("u1", "llm").consume("tpm", 300).withLimits(RPM, TPM)).commit();
        Lease lease = limiter.acquire(llmCall(500));

        lease.adjust("tpm", -800);
        lease.commit();

        assertThat(lease.charged()).containsEntry("tpm", 0L).containsEntry("rpm", 1L);
        assertThat(available("u1", "llm", TPM)).isEqualTo(700);
    }

    @Test
    void adjust_limitConfiguredButNotConsumed_chargesItOnCommit() {
        RateLimiter limiter = limiter();
        Lease lease = limiter.acquire(AcquireRequest.of("u1", "llm").consume("rpm", 1).withLimits(RPM, TPM));

        lease.adjust("tpm", 250);
        lease.close();

        assertThat(available("u1", "llm", TPM)).isEqualTo(750);
    }

    @Test
    void adjust_unknownLimit_throwsNamingTheKnownOnes() {
        Lease lease = limiter().acquire(llmCall(10));

        assertThatThrownBy(() -> lease.adjust("rph", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rph'").hasMessageContaining("rpm").hasMessageContaining("tpm");
    }

    @Test
    void adjust_pendingUntilCommit_leavesBucketUntouched() {
        Lease lease = limiter().acquire(llmCall(100));

        lease.adjust("tpm", 400);

        assertThat(available("u1", "llm", TPM)).isEqualTo(900);
    }

    // ---- commit and rollback ----

    @Test
    void rollback_afterPartialRefill_restoresFullBucketNotMore() {
        RateLimiter limiter = limiter();
        Lease lease = limiter.acquire(request("u1", "api", "rpm", 4).withLimits(RPM));
        clock.advance(Duration.ofSeconds(12));

        lease.rollback();

        assertThat(available("u1", "api", RPM)).isEqualTo(10);
    }

    @Test
    void rollback_oneOfTwoLeases_refundsExactlyItsOwnCharge() {
        RateLimiter limiter = limiter();
        Lease first = limiter.acquire(request("u1", "api", "rpm", 3).withLimits(RPM));
        limiter.acquire(request("u1", "api", "rpm", 4).withLimits(RPM)).commit();

        first.rollback();

        assertThat(available("u1", "api", RPM)).isEqualTo(6);
    }

    @Test
    void rollback_withPendingAdjustments_dropsThem() {
        Lease lease = limiter().acquire(llmCall(100));
        lease.adjust("tpm", 500);

        lease.rollback();

        assertThat(available("u1", "llm", TPM)).isEqualTo(1_000);
        assertThat(available("u1", "llm", RPM)).isEqualTo(10);
    }

    @Test
    void commit_nothingPending_makesNoBackendCall() {
        AtomicInteger settles = new AtomicInteger();
        RateLimiter limiter = limiterBuilder().listener(settleCounter(settles)).build();
        Lease lease = limiter.acquire(llmCall(100));

        lease.commit();

        assertThat(settles).hasValue(0);
    }

    @Test
    void commit_withAdjustments_makesOneBackendCall() {
        AtomicInteger settles = new AtomicInteger();
        RateLimiter limiter = limiterBuilder().listener(settleCounter(settles)).build();
        Lease lease = limiter.acquire(llmCall(100));
        lease.adjust("tpm", 50);
        lease.adjust("tpm", 25);
        lease.adjust("rpm", 1);

        lease.commit();

        assertThat(settles).hasValue(1);
        assertThat(available("u1", "llm", TPM)).isEqualTo(825);
        assertThat(available("u1", "llm", RPM)).isEqualTo(8);
    }

    // ---- single use ----

    @Test
    void settledLease_adjustCommitOrRollback_throwsIllegalState() {
        Lease lease = limiter().acquire(llmCall(100));
        lease.commit();

        assertThatThrownBy(() -> lease.adjust("tpm", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already committed");
        assertThatThrownBy(lease::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(lease::rollback).isInstanceOf(IllegalStateException.class);
        assertThat(lease.isOpen()).isFalse();
    }

    @Test
    void close_afterRollback_doesNothing() {
        Lease lease = limiter().acquire(llmCall(100));
        lease.rollback();

        lease.close();

        assertThat(available("u1", "llm", TPM)).isEqualTo(1_000);
    }

    // ---- withLease ----

    @Test
    void withLease_workSucceeds_commitsAndReturnsResult() {
        RateLimiter limiter = limiter();

        String answer = limiter.withLease(llmCall(100), lease -> {
            lease.adjust("tpm", 130);
            return "answer";
        });

        assertThat(answer).isEqualTo("answer");
        assertThat(available("u1", "llm", TPM)).isEqualTo(770);
    }

    @Test
    void withLease_workThrows_rollsBackAndRethrows() {
        RateLimiter limiter = limiter();

        assertThatThrownBy(() -> limiter.withLease(llmCall(100), lease -> {
            throw new IllegalStateException("model timed out");
        })).isInstanceOf(IllegalStateException.class).hasMessage("model timed out");
        assertThat(available("u1", "llm", TPM)).isEqualTo(1_000);
    }

    @Test
    void withLease_commitPolicyAndWorkThrows_keepsTheCharge() {
        RateLimiter limiter = limiterBuilder().leaseFailurePolicy(LeaseFailurePolicy.COMMIT).build();

        assertThatThrownBy(() -> limiter.withLease(llmCall(100), lease -> {
            throw new IllegalStateException("model timed out");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(available("u1", "llm", TPM)).isEqualTo(900);
    }

    @Test
    void withLeaseAsync_stageSucceeds_commitsAdjustment() {
        RateLimiter limiter = limiter();

        Integer tokens = limiter.withLeaseAsync(llmCall(100), lease -> {
            lease.adjust("tpm", -40);
            return CompletableFuture.completedFuture(60);
        }).join();

        assertThat(tokens).isEqualTo(60);
        assertThat(available("u1", "llm", TPM)).isEqualTo(940);
    }

    @Test
    void withLeaseAsync_stageFails_rollsBackAndFails() {
        RateLimiter limiter = limiter();

        CompletableFuture<Integer> result = limiter.withLeaseAsync(llmCall(100),
                lease -> CompletableFuture.failedFuture(new IllegalStateException("model failed")));

        assertThatThrownBy(result::join).hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("model failed");
        assertThat(available("u1", "llm", TPM)).isEqualTo(1_000);
        assertThat(available("u1", "llm", RPM)).isEqualTo(10);
    }

    private static RateLimiterListener settleCounter(AtomicInteger settles) {
        return new RateLimiterListener() {
            @Override
            public void onBackendCall(String operation, Duration latency, boolean failed) {
                if (operation.equals("settle")) {
                    settles.incrementAndGet();
                }
            }
        };
    }
}
