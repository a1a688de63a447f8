package dev.limiter.cli.status;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: explain writes periods as plans and limits files do. */
class UnitsTest {

    @Test
    void period_oneWeek_isOneW() {
        assertThat(Units.period(Duration.ofDays(7))).isEqualTo("1w");
    }

    @Test
    void period_tenDays_staysInDays() {
        assertThat(Units.period(Duration.ofDays(10))).isEqualTo("10d");
    }
}
