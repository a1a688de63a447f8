package dev.limiter.cli.usage;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeConverterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:37:12Z");

    private final TimeConverter converter = new TimeConverter();

    @Test
    void convert_instant_isThatInstant_offsetsIncluded() {
        assertThat(converter.convert("2026-11-25T10:00:00Z").resolve(NOW))
                .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(converter.convert("2026-11-25T11:00+01:00").resolve(NOW))
                .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void convert_date_isItsMidnightUtc() {
        assertThat(converter.convert("2026-11-24").resolve(NOW)).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void convert_duration_isThatLongBeforeNow() {
        assertThat(converter.convert("24h").resolve(NOW)).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(converter.convert("7d").resolve(NOW)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(converter.convert("90m").resolve(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(90)));
        assertThat(converter.convert("30s").resolve(NOW)).isEqualTo(NOW.minusSeconds(30));
        assertThat(converter.convert("2w").resolve(NOW)).isEqualTo(NOW.minus(Duration.ofDays(14)));
    }

    @Test
    void convert_now_isNow() {
        assertThat(converter.convert("NOW").resolve(NOW)).isEqualTo(NOW);
    }

    @Test
    void convert_garbage_failsWithTheAcceptedForms() {
        for (String bad : new String[] {"yesterday", "2026-13-01", "24", "-1h", "2026-11-25T10:00"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad)
                    .isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("'" + bad + "' is not a time").hasMessageContaining("24h");
        }
    }
}
