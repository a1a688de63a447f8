package dev.limiter.memory;

import dev.limiter.Limit;
import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.LeaseId;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.LimitAdjustment;
import dev.limiter.backend.LimitCharge;
import dev.limiter.backend.SettleRequest;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.internal.Futures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory backend at the SPI level: what the contracts, which go through the limiter, cannot see. */
class InMemoryBackendTest {

    private static final long NOW = 1_767_225_600_000_000_000L;
    private static final BucketKey KEY = new BucketKey("ns", "u1", "api");
    private static final Limit RPM = Limit.perMinute("rpm", 10);
    /** Enough writes to one bucket for its stripe to be swept at least once. */

    private final InMemoryBackend backend = InMemoryBackend.create();

    @Test
    void create_default_evictsIdleBucketsAfterAnHour() {
        assertThat(backend.idleEviction()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withIdleEviction_negative_isRejectedNamingIt() {
        assertThatThrownBy(() -> InMemoryBackend.withIdleEviction(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("idleEviction must not be negative, got PT-1S");
    }

    @Test
    void charge_rejected_returnsStateReconciledToRequestedLimitAndWritesNothing() {
        charge(RPM, 10, NOW);
        Limit halved = Limit.perMinute("rpm", 5);

        ChargeOutcome outcome = charge(halved, 1, NOW);

        // 10 tokens in use against a capacity of 5: 5 in debt under the new parameters.
        assertThat(outcome.granted()).isFalse();
        LimitState seen = outcome.buckets().get(0).state().find("rpm").orElseThrow();
        assertThat(seen.limit()).isEqualTo(halved);
        assertThat(seen.availableTokens(NOW)).isEqualTo(-5);
        assertThat(read().find("rpm").orElseThrow().limit()).isEqualTo(RPM);
    }

    @Test
    void charge_granted_writesStateUnderRequestedLimit() {
        charge(RPM, 10, NOW);
        Limit doubled = Limit.perMinute("rpm", 20);

        ChargeOutcome outcome = charge(doubled, 5, NOW);

        assertThat(outcome.granted()).isTrue();
        LimitState stored = read().find("rpm").orElseThrow();
        assertThat(stored.limit()).isEqualTo(doubled);
        assertThat(stored.availableTokens(NOW)).isEqualTo(5);
        assertThat(stored.consumedTokens()).isEqualTo(15);
    }

    @Test
    void settle_bucketNeverCharged_appliesTheChargeIntoDebt() {
        settle(new LimitAdjustment(RPM, 15, RPM.costNanos(15)), NOW);

        LimitState stored = read().find("rpm").orElseThrow();

        assertThat(stored.availableTokens(NOW)).isEqualTo(-5);
        assertThat(stored.consumedTokens()).isEqualTo(15);
    }

    @Test
    void read_bucketNeverWritten_isEmpty() {
        assertThat(read()).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void charge_manyWritesAfterBucketFullLongerThanIdleEviction_dropsTheBucket() {
        charge(RPM, 1, NOW);

        chargeOtherBuckets(NOW + Duration.ofHours(2).toNanos());

        assertThat(read()).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void charge_manyWritesWhileBucketFullForLessThanIdleEviction_keepsIt() {
        charge(RPM, 1, NOW);

        chargeOtherBuckets(NOW + Duration.ofMinutes(59).toNanos());

        assertThat(read().find("rpm").orElseThrow().consumedTokens()).isEqualTo(1);
    }

    @Test
    void settle_refundToEvictedBucket_isDroppedRatherThanRecreatingANegativeCounter() {
        charge(RPM, 1, NOW);
        long later = NOW + Duration.ofHours(2).toNanos();
        chargeOtherBuckets(later);

        settle(new LimitAdjustment(RPM, -1, RPM.costNanos(1)), later);

        assertThat(read()).isEqualTo(BucketState.EMPTY);
    }

    /** Enough writes to other buckets that every stripe (at most a few hundred) sweeps at least once. */
    private void chargeOtherBuckets(long nowNanos) {
        for (int i = 0; i < 40_000; i++) {
            ChargeRequest request = new ChargeRequest(LeaseId.random(), nowNanos, List.of(new BucketCharge(
                    new BucketKey("ns", "other-" + i, "api"), List.of(new LimitCharge(RPM, 1)))));
            Futures.join(backend.charge(request));
        }
    }

    private ChargeOutcome charge(Limit limit, long tokens, long nowNanos) {
        ChargeRequest request = new ChargeRequest(LeaseId.random(), nowNanos,
                List.of(new BucketCharge(KEY, List.of(new LimitCharge(limit, tokens)))));
        return Futures.join(backend.charge(request));
    }

    private void settle(LimitAdjustment adjustment, long nowNanos) {
        SettleRequest request = new SettleRequest(LeaseId.random(), nowNanos,
                List.of(new BucketAdjustment(KEY, List.of(adjustment))));
        Futures.join(backend.settle(request));
    }

    private BucketState read() {
        return Futures.join(backend.read(List.of(KEY))).get(0).state();
    }
}
