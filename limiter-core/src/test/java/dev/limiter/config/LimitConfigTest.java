package dev.limiter.config;

import dev.limiter.Limit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitConfigTest {

    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 1_000);

    @Test
    void withUnlimited_invalidName_isRejectedNamingTheField() {
        assertThatThrownBy(() -> LimitConfig.EMPTY.withUnlimited("rpm#x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unlimited limit name 'rpm#x' is invalid");
    }

    @Test
    void new_moreLimitsThanOneBucketMayHold_isRejectedNamingTheCap() {
        List<Limit> limits = new ArrayList<>();
        for (int i = 0; i <= Limit.MAX_PER_BUCKET; i++) {
            limits.add(Limit.perMinute("l" + i, 10));
        }

        assertThatThrownBy(() -> new LimitConfig(limits, Set.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defines 33 limits").hasMessageContaining("at most 32 limits");
    }

    @Test
    void with_nameMarkedUnlimited_replacesTheMarkWithTheLimit() {
        LimitConfig config = LimitConfig.of(TPM).withUnlimited("rpm");

        LimitConfig updated = config.with(RPM);

        assertThat(updated.limits()).containsExactly(TPM, RPM);
        assertThat(updated.unlimited()).isEmpty();
    }

    @Test
    void with_existingName_replacesThatLimitOnly() {
        LimitConfig config = LimitConfig.of(RPM, TPM);

        LimitConfig updated = config.with(RPM.withBurst(20));

        assertThat(updated.limits()).containsExactlyInAnyOrder(TPM, RPM.withBurst(20));
        assertThat(config.limits()).containsExactly(RPM, TPM);
    }

    @Test
    void isEmpty_onlyUnlimitedNames_isFalse() {
        assertThat(LimitConfig.EMPTY.isEmpty()).isTrue();
        assertThat(LimitConfig.EMPTY.withUnlimited("rpm").isEmpty()).isFalse();
        assertThat(LimitConfig.of(RPM).isEmpty()).isFalse();
    }

    @Test
    void new_mutableCollections_areCopied() {
        List<Limit> limits = new ArrayList<>(List.of(RPM));
        Set<String> unlimited = new HashSet<>(Set.of("tpm"));
        LimitConfig config = new LimitConfig(limits, unlimited);

        limits.add(Limit.perDay("rpd", 5));
        unlimited.add("rph");

        assertThat(config.limits()).containsExactly(RPM);
        assertThat(config.unlimited()).containsExactly("tpm");
    }

    @Test
    void equals_sameLimitsAndNames_isEqual() {
        assertThat(LimitConfig.of(RPM).withUnlimited("tpm", "rpd"))
                .isEqualTo(new LimitConfig(List.of(RPM), Set.of("rpd", "tpm")));
    }
}
