package dev.limiter.cli.options;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void convert_numberWithUnit_readsTheUnit() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void convert_bareNumber_meansSeconds() {
        assertThat(converter.convert("7")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void convert_iso8601_isAccepted() {
        assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void convert_garbage_failsWithExamples() {
        assertThatThrownBy(() -> converter.convert("soon"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'soon' is not a duration")
                .hasMessageContaining("10s");
    }
}
