package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;

import java.time.Duration;

/**
 * Settings of the {@link UsageAggregator}.
 *
 * @param hourlyRetention     how long hourly snapshots are kept after their window ends (DynamoDB TTL); default
 *                            14 days
 * @param dailyRetention      how long daily snapshots are kept after their window ends; default 400 days
 * @param maxConcurrentWrites how many snapshot writes of one batch are in flight at once; default 8
 */
public record UsageSettings(Duration hourlyRetention, Duration dailyRetention, int maxConcurrentWrites) {

    /** Most snapshot writes in flight; more would only queue in the HTTP client's connection pool. */
    public static final int MAX_CONCURRENT_WRITES = 64;

    /** Validates: retentions positive, concurrency between 1 and {@value #MAX_CONCURRENT_WRITES}. */
    public UsageSettings {
        positive("hourlyRetention", hourlyRetention);
        positive("dailyRetention", dailyRetention);
        Require.positive("maxConcurrentWrites", maxConcurrentWrites, MAX_CONCURRENT_WRITES);
    }

    /** 14 days of hourly and 400 days of daily snapshots, 8 concurrent writes. */
    public static UsageSettings defaults() {
        return new UsageSettings(Duration.ofDays(14), Duration.ofDays(400), 8);
    }

    /** The retention of snapshots of kind {@code window}. */
    public Duration retention(UsageWindow window) {
        return window == UsageWindow.HOURLY ? hourlyRetention : dailyRetention;
    }

    private static void positive(String field, Duration value) {
        Require.nonNull(field, value);
        Require.argument(!value.isNegative() && !value.isZero(), field + " is " + value + ": must be positive");
    }
}
