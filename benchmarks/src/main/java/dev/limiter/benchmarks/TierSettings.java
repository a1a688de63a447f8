package dev.limiter.benchmarks;

import dev.limiter.LocalAllowance;
import dev.limiter.LocalTier;

import java.time.Duration;
import java.util.List;

/**
 * The parameters every run of {@link LocalTierLoadBenchmark} shares.
 *
 * @param processes  worker JVMs per run
 * @param callers    paced caller threads per worker
 * @param seconds    how long each run's callers acquire
 * @param ops        the most acquires one caller makes in a run
 * @param rate       the binding limit's rate in tokens per second (its capacity is one second of it)
 * @param batchMillis the local tier's batch interval, in milliseconds
 * @param share      each limit's local allowance: the largest share of capacity one process holds
 * @param holdMillis each limit's local allowance: the longest a reserved token waits, in milliseconds
 * @param seed       seeds the callers' start offsets and the backends' jitter
 * @param startDelayMillis how long after launching its workers a run starts, so every JVM is up and warm
 */
record TierSettings(int processes, int callers, int seconds, int ops, int rate, int batchMillis, double share,
                    int holdMillis, long seed, int startDelayMillis) {

    TierSettings {
        if (processes < 1 || callers < 1 || seconds < 1 || ops < 1 || rate < 1) {
            throw new IllegalArgumentException("processes, callers, seconds, ops and rate must be at least 1, got "
                    + processes + ", " + callers + ", " + seconds + ", " + ops + ", " + rate);
        }
        allowance(share, holdMillis);
        tier(batchMillis);
    }

    /** The settings of the command line, with the documented defaults. */
    static TierSettings of(BenchOptions options) {
        return new TierSettings(options.number("processes", 4), options.number("callers", 8),
                options.number("seconds", 15), options.number("ops", 5_000), options.number("rate", 200),
                options.number("batch-ms", 500), options.decimal("share", 0.25), options.number("hold-ms", 1_000),
                options.seed(), options.number("start-delay-ms", 10_000));
    }

    /** The local allowance every limit gets in tier-on runs. */
    LocalAllowance allowance() {
        return allowance(share, holdMillis);
    }

    /** The local tier of tier-on runs. */
    LocalTier tier() {
        return tier(batchMillis);
    }

    /** The window bound's slack in tier-on runs: each token may be granted up to one hold after it was charged. */
    long slackNanos(boolean tierOn) {
        return tierOn ? Duration.ofMillis(holdMillis).toNanos() : 0;
    }

    List<String> toArgs() {
        return List.of("--processes", "" + processes, "--callers", "" + callers, "--seconds", "" + seconds,
                "--ops", "" + ops, "--rate", "" + rate, "--batch-ms", "" + batchMillis, "--share", "" + share,
                "--hold-ms", "" + holdMillis, "--seed", "" + seed, "--start-delay-ms", "" + startDelayMillis);
    }

    private static LocalAllowance allowance(double share, int holdMillis) {
        return LocalAllowance.of(share, Duration.ofMillis(holdMillis));
    }

    private static LocalTier tier(int batchMillis) {
        return new LocalTier(Duration.ofMillis(batchMillis));
    }
}
