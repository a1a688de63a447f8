package dev.limiter;

import dev.limiter.internal.Require;

import java.time.Duration;

/**
 * The local tier of a limiter: acquires on limits with a {@link LocalAllowance} are granted in-process from tokens
 * reserved from the shared bucket in batches, so that most acquires cost no I/O. Off unless the builder is given one
 * ({@link RateLimiterBuilder}); limits without an allowance are charged exactly as without the tier.
 *
 * @param batchInterval how much local demand one reservation should cover: a batch is about the local rate times
 *                      this interval, bounded by each limit's {@link LocalAllowance#maxTokens}; from 1 millisecond to
 *                      the shortest hold it serves (longer batches would expire before use)
 */
public record LocalTier(Duration batchInterval) {

    /** The batch interval unless set: 100 milliseconds. */
    public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofMillis(100);

    /** Validates the components. */
    public LocalTier {
        Require.nonNull("local tier batchInterval", batchInterval);
        if (batchInterval.compareTo(Duration.ofMillis(1)) < 0 || batchInterval.compareTo(LocalAllowance.MAX_HOLD) > 0) {
            throw new IllegalArgumentException("local tier batchInterval is " + batchInterval
                    + ": must be between PT0.001S and " + LocalAllowance.MAX_HOLD);
        }
    }

    /** The tier with {@link #DEFAULT_BATCH_INTERVAL}. */
    public static LocalTier defaults() {
        return new LocalTier(DEFAULT_BATCH_INTERVAL);
    }
}
