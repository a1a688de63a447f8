package dev.limiter.lambda.aggregator;

import dev.limiter.dynamodb.usage.UsageSettings;
import dev.limiter.internal.Require;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The aggregator Lambda's configuration, read from environment variables:
 * <ul>
 *   <li>{@value #TABLE} (required): the limiter table whose stream feeds the function;</li>
 *   <li>{@value #HOURLY_TTL_DAYS}: days hourly snapshots are kept after their hour, default 14;</li>
 *   <li>{@value #DAILY_TTL_DAYS}: days daily snapshots are kept after their day, default 400;</li>
 *   <li>{@value #MAX_CONCURRENT_WRITES}: snapshot writes in flight per batch, default 8.</li>
 * </ul>
 *
 * @param tableName the table to write snapshots to
 * @param settings  the aggregator's settings
 */
public record AggregatorConfig(String tableName, UsageSettings settings) {

    /** Environment variable naming the table. */
    public static final String TABLE = "LIMITER_TABLE";
    /** Environment variable: retention of hourly snapshots in days. */
    public static final String HOURLY_TTL_DAYS = "LIMITER_USAGE_HOURLY_TTL_DAYS";
    /** Environment variable: retention of daily snapshots in days. */
    public static final String DAILY_TTL_DAYS = "LIMITER_USAGE_DAILY_TTL_DAYS";
    /** Environment variable: snapshot writes in flight per batch. */
    public static final String MAX_CONCURRENT_WRITES = "LIMITER_USAGE_MAX_CONCURRENT_WRITES";
    /** Every variable the function reads. */
    public static final List<String> VARIABLES = List.of(TABLE, HOURLY_TTL_DAYS, DAILY_TTL_DAYS, MAX_CONCURRENT_WRITES);

    private static final long MAX_RETENTION_DAYS = 36_500;

    /** Checks that no field is null. */
    public AggregatorConfig {
        Require.nonNull("tableName", tableName);
        Require.nonNull("settings", settings);
    }

    /**
     * The configuration in {@code environment}, e.g. {@code System.getenv()}.
     *
     * @throws IllegalArgumentException naming the variable, if {@value #TABLE} is missing or a value is invalid
     */
    public static AggregatorConfig fromEnvironment(Map<String, String> environment) {
        String table = environment.get(TABLE);
        Require.argument(table != null && !table.isBlank(), "environment variable " + TABLE
                + " is required: the name of the limiter table whose stream this function aggregates");
        Require.argument(table.matches("[A-Za-z0-9_.-]{3,255}"), "environment variable " + TABLE + " is '"
                + Require.echo(table) + "': must be a DynamoDB table name matching [A-Za-z0-9_.-]{3,255}");
        UsageSettings defaults = UsageSettings.defaults();
        UsageSettings settings = new UsageSettings(
                Duration.ofDays(number(environment, HOURLY_TTL_DAYS, defaults.hourlyRetention().toDays(),
                        MAX_RETENTION_DAYS)),
                Duration.ofDays(number(environment, DAILY_TTL_DAYS, defaults.dailyRetention().toDays(),
                        MAX_RETENTION_DAYS)),
                (int) number(environment, MAX_CONCURRENT_WRITES, defaults.maxConcurrentWrites(),
                        UsageSettings.MAX_CONCURRENT_WRITES));
        return new AggregatorConfig(table, settings);
    }

    private static long number(Map<String, String> environment, String variable, long fallback, long max) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the rule
        }
        throw new IllegalArgumentException("environment variable " + variable + " is '" + Require.echo(value)
                + "': must be a whole number between 1 and " + max);
    }
}
