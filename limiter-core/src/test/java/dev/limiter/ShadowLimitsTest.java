package dev.limiter;

import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.LimitCharge;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.config.EffectiveLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shadow side of a charge plan on its own: presence, oversized charges, and what a denial drops. */
class ShadowLimitsTest {

    private static final long NOW = 1_000_000_000_000_000L;
    private static final BucketKey KEY = new BucketKey("ns", "u1", "api");
    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 100).asShadow();
    private static final List<ResolvedTarget.Bucket> BUCKETS =
            List.of(new ResolvedTarget.Bucket(KEY, EffectiveLimits.NONE));

    @Test
    void of_noRejections_isNone() {
        assertThat(ShadowLimits.of(List.of())).isSameAs(ShadowLimits.NONE);
    }

    @Test
    void presentIn_shadowChargeOrRejection_isTrueOtherwiseFalse() {
        LimitCharge[][] enforced = {{new LimitCharge(RPM, 1)}};
        LimitCharge[][] shadowed = {{new LimitCharge(RPM, 1)}, {new LimitCharge(TPM, 1)}};
        ShadowLimits rejected = ShadowLimits.of(List.of(ShadowLimits.oversized(KEY, TPM, 500)));

        assertThat(ShadowLimits.NONE.presentIn(enforced)).isFalse();
        assertThat(ShadowLimits.NONE.presentIn(shadowed)).isTrue();
        assertThat(rejected.presentIn(enforced)).isTrue();
    }

    @Test
    void oversized_amountAboveCapacity_neverRetriesAndShowsTheCapacityAvailable() {
        LimitStatus status = ShadowLimits.oversized(KEY, TPM, 500);

        assertThat(status.retryAfter()).isEqualTo(ShadowLimits.NEVER);
        assertThat(status.available()).isEqualTo(100);
        assertThat(status.requested()).isEqualTo(500);
        assertThat(status.entity()).isEqualTo("u1");
    }

    @Test
    void withoutRejections_fullShadowBucket_dropsOnlyTheShadowCharge() {
        LimitCharge rpm = new LimitCharge(RPM, 1);
        LimitCharge[][] charges = {{rpm, new LimitCharge(TPM, 50)}};
        // The tpm bucket is empty until a minute from now, so the 50 tokens do not fit; rpm is untouched.
        ChargeOutcome denied = outcome(new LimitState(TPM, NOW + Duration.ofMinutes(1).toNanos(), 100));

        ShadowLimits.Reduced reduced = ShadowLimits.NONE.withoutRejections(charges, BUCKETS, denied, NOW)
                .orElseThrow();

        assertThat(reduced.charges()[0]).containsExactly(rpm);
        assertThat(reduced.chargedBuckets()).isEqualTo(1);
        assertThat(reduced.shadows().rejections()).singleElement().satisfies(status -> {
            assertThat(status.limitName()).isEqualTo("tpm");
            assertThat(status.retryAfter()).isPositive();
        });
    }

    @Test
    void withoutRejections_shadowChargeFits_isEmpty() {
        LimitCharge[][] charges = {{new LimitCharge(RPM, 1), new LimitCharge(TPM, 50)}};

        assertThat(ShadowLimits.NONE.withoutRejections(charges, BUCKETS, outcome(), NOW)).isEmpty();
    }

    @Test
    void withoutRejections_earlierRejectionsKept_newOnesAppended() {
        LimitStatus earlier = ShadowLimits.oversized(KEY, Limit.perMinute("rpd", 1).asShadow(), 5);
        LimitCharge[][] charges = {{new LimitCharge(TPM, 50)}};
        ChargeOutcome denied = outcome(new LimitState(TPM, NOW + Duration.ofMinutes(1).toNanos(), 100));

        ShadowLimits.Reduced reduced = ShadowLimits.of(List.of(earlier)).withoutRejections(charges, BUCKETS, denied,
                NOW).orElseThrow();

        assertThat(reduced.chargedBuckets()).isZero();
        assertThat(reduced.shadows().rejections()).extracting(LimitStatus::limitName).containsExactly("rpd", "tpm");
    }

    private static ChargeOutcome outcome(LimitState... states) {
        return new ChargeOutcome(false, List.of(new BucketSnapshot(KEY, new BucketState(List.of(states)))));
    }
}
