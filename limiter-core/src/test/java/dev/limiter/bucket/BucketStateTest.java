package dev.limiter.bucket;

import dev.limiter.Limit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BucketStateTest {

    private static final long NOW = 1_767_225_600_000_000_000L;
    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 1_000);

    @Test
    void stateFor_absentLimit_isAFreshFullBucket() {
        BucketState bucket = new BucketState(List.of(new LimitState(RPM, NOW + 6_000_000_000L, 1)));

        LimitState tpm = bucket.stateFor(TPM, NOW);

        assertThat(tpm).isEqualTo(LimitState.fresh(TPM));
        assertThat(tpm.availableTokens(NOW)).isEqualTo(1_000);
    }

    @Test
    void stateFor_storedUnderOtherParameters_isReconciledToTheRequestedOnes() {
        BucketState bucket = new BucketState(List.of(new LimitState(RPM, NOW + 60_000_000_000L, 10)));

        LimitState rpm = bucket.stateFor(RPM.withBurst(20), NOW);

        assertThat(rpm.limit()).isEqualTo(RPM.withBurst(20));
        assertThat(rpm.availableTokens(NOW)).isEqualTo(10);
    }

    @Test
    void with_existingName_replacesInPlaceAndOtherNameAppends() {
        BucketState bucket = new BucketState(List.of(LimitState.fresh(RPM), LimitState.fresh(TPM)));
        LimitState charged = new LimitState(RPM, NOW, 1);

        BucketState replaced = bucket.with(charged);
        BucketState appended = bucket.with(LimitState.fresh(Limit.perDay("rpd", 5)));

        assertThat(replaced.limits()).containsExactly(charged, LimitState.fresh(TPM));
        assertThat(appended.limits()).extracting(state -> state.limit().name()).containsExactly("rpm", "tpm", "rpd");
        assertThat(bucket.limits()).containsExactly(LimitState.fresh(RPM), LimitState.fresh(TPM));
    }

    @Test
    void find_byName_returnsStoredStateOrEmpty() {
        LimitState rpm = new LimitState(RPM, NOW, 3);
        BucketState bucket = new BucketState(List.of(rpm));

        assertThat(bucket.find("rpm")).contains(rpm);
        assertThat(bucket.find("tpm")).isEmpty();
    }

    @Test
    void isFullAt_anyLimitWithBacklog_isFalseUntilItsTat() {
        BucketState bucket = new BucketState(List.of(new LimitState(RPM, NOW - 1, 1), new LimitState(TPM, NOW + 5, 1)));

        assertThat(bucket.isFullAt(NOW)).isFalse();
        assertThat(bucket.isFullAt(NOW + 5)).isTrue();
        assertThat(BucketState.EMPTY.isFullAt(NOW)).isTrue();
    }

    @Test
    void new_mutableList_isCopied() {
        List<LimitState> limits = new ArrayList<>(List.of(LimitState.fresh(RPM)));
        BucketState bucket = new BucketState(limits);

        limits.add(LimitState.fresh(TPM));

        assertThat(bucket.limits()).hasSize(1);
    }
}
