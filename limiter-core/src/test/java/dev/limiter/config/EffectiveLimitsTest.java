package dev.limiter.config;

import dev.limiter.Limit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Per-name resolution: each level decides only the names no more specific level decided. */
class EffectiveLimitsTest {

    private static final Limit RPM_40 = Limit.perMinute("rpm", 40);
    private static final Limit RPM_10 = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 1_000);
    private static final Limit RPD = Limit.perDay("rpd", 500);

    @Test
    void underlay_lessSpecificLevel_addsOnlyNamesNotYetDecided() {
        EffectiveLimits entityLevel = EffectiveLimits.NONE.underlay(ConfigLevel.ENTITY_RESOURCE, LimitConfig.of(RPM_40));

        EffectiveLimits resolved = entityLevel.underlay(ConfigLevel.NAMESPACE, LimitConfig.of(RPM_10, TPM));

        assertThat(resolved.limits()).extracting(EffectiveLimit::limit, EffectiveLimit::source).containsExactly(
                tuple(RPM_40, ConfigLevel.ENTITY_RESOURCE), tuple(TPM, ConfigLevel.NAMESPACE));
    }

    @Test
    void underlay_unlimitedAtSpecificLevel_dropsTheInheritedLimit() {
        EffectiveLimits entityLevel = EffectiveLimits.NONE.underlay(ConfigLevel.ENTITY_DEFAULT,
                LimitConfig.EMPTY.withUnlimited("rpm"));

        EffectiveLimits resolved = entityLevel.underlay(ConfigLevel.NAMESPACE, LimitConfig.of(RPM_10, TPM));

        assertThat(resolved.find("rpm")).isEmpty();
        assertThat(resolved.unlimited()).containsExactly(Map.entry("rpm", ConfigLevel.ENTITY_DEFAULT));
        assertThat(resolved.decides("rpm")).isTrue();
    }

    @Test
    void underlay_unlimitedAtLessSpecificLevel_keepsTheSpecificLimit() {
        EffectiveLimits resourceLevel = EffectiveLimits.NONE.underlay(ConfigLevel.RESOURCE, LimitConfig.of(RPM_40));

        EffectiveLimits resolved = resourceLevel.underlay(ConfigLevel.NAMESPACE, LimitConfig.EMPTY.withUnlimited("rpm"));

        assertThat(resolved.find("rpm")).hasValueSatisfying(limit -> assertThat(limit.limit()).isEqualTo(RPM_40));
        assertThat(resolved.unlimited()).isEmpty();
    }

    @Test
    void underlay_fourStoredLevels_eachNameFromItsMostSpecificLevel() {
        EffectiveLimits resolved = EffectiveLimits.NONE
                .underlay(ConfigLevel.ENTITY_RESOURCE, LimitConfig.of(RPM_40))
                .underlay(ConfigLevel.ENTITY_DEFAULT, LimitConfig.EMPTY)
                .underlay(ConfigLevel.RESOURCE, LimitConfig.of(RPM_10).withUnlimited("tpm"))
                .underlay(ConfigLevel.NAMESPACE, LimitConfig.of(TPM, RPD));

        assertThat(resolved.limits()).extracting(l -> l.limit().name(), EffectiveLimit::source).containsExactly(
                tuple("rpm", ConfigLevel.ENTITY_RESOURCE), tuple("rpd", ConfigLevel.NAMESPACE));
        assertThat(resolved.unlimited()).containsOnlyKeys("tpm");
    }

    @Test
    void underlay_emptyConfig_returnsTheSameLimits() {
        EffectiveLimits limits = EffectiveLimits.NONE.underlay(ConfigLevel.RESOURCE, LimitConfig.of(TPM));

        assertThat(limits.underlay(ConfigLevel.NAMESPACE, LimitConfig.EMPTY)).isSameAs(limits);
        assertThat(limits.underlay(List.of())).isSameAs(limits);
    }

    @Test
    void underlay_requestLimits_fillOnlyUndecidedNamesAtRequestLevel() {
        EffectiveLimits stored = EffectiveLimits.NONE.underlay(ConfigLevel.NAMESPACE,
                LimitConfig.of(RPM_10).withUnlimited("rpd"));

        EffectiveLimits resolved = stored.underlay(List.of(RPM_40, TPM, RPD));

        assertThat(resolved.limits()).extracting(EffectiveLimit::limit, EffectiveLimit::source).containsExactly(
                tuple(RPM_10, ConfigLevel.NAMESPACE), tuple(TPM, ConfigLevel.REQUEST));
        assertThat(resolved.find("rpd")).isEmpty();
    }

    @Test
    void none_anyName_decidesNothing() {
        assertThat(EffectiveLimits.NONE.isEmpty()).isTrue();
        assertThat(EffectiveLimits.NONE.decides("rpm")).isFalse();
        assertThat(EffectiveLimits.NONE.find("rpm")).isEmpty();
    }

    @Test
    void isEmpty_onlyUnlimitedNames_isTrue() {
        EffectiveLimits onlyUnlimited = EffectiveLimits.NONE.underlay(ConfigLevel.NAMESPACE,
                LimitConfig.EMPTY.withUnlimited("rpm"));

        assertThat(onlyUnlimited.isEmpty()).isTrue();
        assertThat(onlyUnlimited.decides("rpm")).isTrue();
    }
}
