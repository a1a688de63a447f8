package dev.limiter;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalAllowanceTest {

    @Test
    void limits_haveNoLocalAllowance_unlessSet() {
        Limit rpm = Limit.perMinute("rpm", 100);

        assertThat(rpm.local()).isEqualTo(LocalAllowance.NONE);
        assertThat(rpm.local().enabled()).isFalse();
        assertThat(rpm.local().maxTokens(rpm)).isZero();
        assertThat(rpm.describe()).isEqualTo("100/PT1M");
    }

    @Test
    void withLocalAllowance_keepsParameters_andChangesEquality() {
        Limit rpm = Limit.perSecond("rpm", 1_000).withBurst(2_000).asShadow();
        Limit local = rpm.withLocalAllowance(LocalAllowance.of(0.25, Duration.ofMillis(500)));

        assertThat(local.sameParameters(rpm)).isTrue();
        assertThat(local.shadow()).isTrue();
        assertThat(local).isNotEqualTo(rpm);
        assertThat(local.local().maxTokens(local)).isEqualTo(500);
        assertThat(local.withBurst(4_000).local()).isEqualTo(local.local());
        assertThat(local.withName("rps").local()).isEqualTo(local.local());
        assertThat(local.withShadow(false).local()).isEqualTo(local.local());
        assertThat(local.withLocalAllowance(LocalAllowance.NONE)).isEqualTo(rpm);
        assertThat(local.describe()).isEqualTo("1000/PT1S burst 2000 shadow local 25% PT0.5S");
    }

    @Test
    void defaults_areATenthHeldOneSecond() {
        Limit rpm = Limit.perMinute("rpm", 105).withLocalAllowance();

        assertThat(rpm.local()).isEqualTo(LocalAllowance.of(0.1, Duration.ofSeconds(1)));
        assertThat(rpm.local().maxTokens(rpm)).isEqualTo(10);
        assertThat(rpm.local().describe()).isEqualTo("local 10% PT1S");
    }

    @Test
    void share_mustBeAboveZeroAndAtMostOne() {
        assertThatThrownBy(() -> LocalAllowance.of(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("local allowance maxShare is 0.0: must be above 0 and at most 1 (a share of the limit's"
                        + " capacity)");
        assertThatThrownBy(() -> LocalAllowance.of(1.5, Duration.ofSeconds(1)))
                .hasMessageStartingWith("local allowance maxShare is 1.5");
        assertThatThrownBy(() -> LocalAllowance.of(Double.NaN, Duration.ofSeconds(1)))
                .hasMessageStartingWith("local allowance maxShare is NaN");
        assertThat(LocalAllowance.of(1, Duration.ofSeconds(1)).enabled()).isTrue();
    }

    @Test
    void hold_mustBeWithinBounds() {
        assertThatThrownBy(() -> LocalAllowance.of(0.1, Duration.ofMillis(9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("local allowance maxHold is PT0.009S: must be between PT0.01S and PT10M");
        assertThatThrownBy(() -> LocalAllowance.of(0.1, Duration.ofMinutes(11)))
                .hasMessageStartingWith("local allowance maxHold is PT11M");
        assertThatThrownBy(() -> LocalAllowance.of(0.1, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("local allowance maxHold must not be null");
        assertThatThrownBy(() -> Limit.perMinute("rpm", 1).withLocalAllowance(null))
                .hasMessage("limit 'rpm' local allowance must not be null");
    }

    @Test
    void localTier_batchInterval_isBounded() {
        assertThat(LocalTier.defaults().batchInterval()).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> new LocalTier(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("local tier batchInterval is PT0S: must be between PT0.001S and PT10M");
    }
}
