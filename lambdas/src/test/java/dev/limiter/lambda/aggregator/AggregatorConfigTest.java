package dev.limiter.lambda.aggregator;

import dev.limiter.dynamodb.usage.UsageSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AggregatorConfigTest {

    @Test
    void fromEnvironment_tableOnly_usesDefaultSettings() {
        AggregatorConfig config = AggregatorConfig.fromEnvironment(Map.of("LIMITER_TABLE", "limiter"));

        assertThat(config).isEqualTo(new AggregatorConfig("limiter", UsageSettings.defaults()));
    }

    @Test
    void fromEnvironment_everyVariable_overridesTheSettings() {
        AggregatorConfig config = AggregatorConfig.fromEnvironment(Map.of("LIMITER_TABLE", "limiter",
                "LIMITER_USAGE_HOURLY_TTL_DAYS", "2", "LIMITER_USAGE_DAILY_TTL_DAYS", " 30 ",
                "LIMITER_USAGE_MAX_CONCURRENT_WRITES", "16"));

        assertThat(config.settings()).isEqualTo(new UsageSettings(Duration.ofDays(2), Duration.ofDays(30), 16));
    }

    @Test
    void fromEnvironment_tableMissing_namesTheVariable() {
        assertThatThrownBy(() -> AggregatorConfig.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment variable LIMITER_TABLE is required");
    }

    @Test
    void fromEnvironment_tableNameInvalid_namesTheRule() {
        assertThatThrownBy(() -> AggregatorConfig.fromEnvironment(Map.of("LIMITER_TABLE", "a b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[A-Za-z0-9_.-]{3,255}");
    }

    @Test
    void fromEnvironment_retentionNotADayCount_namesVariableValueAndRule() {
        assertThatThrownBy(() -> AggregatorConfig.fromEnvironment(
                Map.of("LIMITER_TABLE", "limiter", "LIMITER_USAGE_HOURLY_TTL_DAYS", "14d")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment variable LIMITER_USAGE_HOURLY_TTL_DAYS is '14d': "
                        + "must be a whole number between 1 and 36500");
    }

    @Test
    void constructor_withoutTableInTheEnvironment_failsNamingTheVariable() {
        assumeTrue(System.getenv("LIMITER_TABLE") == null, "LIMITER_TABLE is set in this environment");

        assertThatThrownBy(UsageAggregatorHandler::new)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LIMITER_TABLE");
    }
}
