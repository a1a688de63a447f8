package dev.limiter;

import dev.limiter.internal.Require;

import java.time.Duration;

/**
 * The local tier of a limiter: acquires on limits with a {@link LocalAllowance} are granted in-process from tokens
 * reserved from the shared bucket in batches, so that most acquires cost no I/O. Off unless the builder is given one
 * ({@link RateLimiterBuilder}); limits without an allowance are charged exactly as without the tier.
 *
 * <p>Unused reserved tokens go back to the shared bucket when they have been held for their limit's
 * {@link LocalAllowance#maxHold}: lazily, when the process next touches the allowance, and by a daemon sweeper every
 * {@code sweepInterval}; and all of them when the limiter is {@link RateLimiter#close() closed}.
 *
 * @param batchInterval how much local demand one reservation should cover: a batch is about the local rate times
 *                      this interval, bounded by each limit's {@link LocalAllowance#maxTokens}; from 1 millisecond to
 *                      {@link LocalAllowance#MAX_HOLD}
 * @param sweepInterval how often a daemon thread returns expired allowances that nothing touches; from 1 millisecond
 *                      to {@link LocalAllowance#MAX_HOLD}, or {@link Duration#ZERO} for no sweeper (expired tokens
 *                      then go back only when touched, on {@code sweep()} and on close)
 */
public record LocalTier(Duration batchInterval, Duration sweepInterval) {

    /** The batch interval unless set: 100 milliseconds. */
    public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofMillis(100);
    /** The sweep interval unless set: 100 milliseconds. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMillis(100);

    /** Validates the components. */
    public LocalTier {
        Require.nonNull("local tier batchInterval", batchInterval);
        Require.nonNull("local tier sweepInterval", sweepInterval);
        if (batchInterval.compareTo(Duration.ofMillis(1)) < 0 || batchInterval.compareTo(LocalAllowance.MAX_HOLD) > 0) {
            throw new IllegalArgumentException("local tier batchInterval is " + batchInterval
                    + ": must be between PT0.001S and " + LocalAllowance.MAX_HOLD);
        }
        if (!sweepInterval.isZero() && (sweepInterval.compareTo(Duration.ofMillis(1)) < 0
                || sweepInterval.compareTo(LocalAllowance.MAX_HOLD) > 0)) {
            throw new IllegalArgumentException("local tier sweepInterval is " + sweepInterval
                    + ": must be zero (no sweeper) or between PT0.001S and " + LocalAllowance.MAX_HOLD);
        }
    }

    /** A tier with {@code batchInterval} and the {@link #DEFAULT_SWEEP_INTERVAL}. */
    public LocalTier(Duration batchInterval) {
        this(batchInterval, DEFAULT_SWEEP_INTERVAL);
    }

    /** A copy with another sweep interval ({@link Duration#ZERO}: no sweeper thread). */
    public LocalTier withSweepInterval(Duration interval) {
        return new LocalTier(batchInterval, interval);
    }

    /** The tier with {@link #DEFAULT_BATCH_INTERVAL}. */
    public static LocalTier defaults() {
        return new LocalTier(DEFAULT_BATCH_INTERVAL);
    }
}
