package dev.limiter.testkit;

import dev.limiter.Sleeper;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to, with nanosecond resolution. Its {@link #sleeper()} advances the clock
 * instead of waiting, so blocking and async waits finish at once at the right simulated time. Thread-safe.
 */
public final class ManualClock implements InstantSource {

    private final AtomicLong epochNanos;

    private ManualClock(long epochNanos) {
        this.epochNanos = new AtomicLong(epochNanos);
    }

    /** A clock showing {@code start}. */
    public static ManualClock at(Instant start) {
        return new ManualClock(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    }

    /** A clock showing 2026-01-01T00:00:00Z. */
    public static ManualClock create() {
        return at(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public Instant instant() {
        long nanos = epochNanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** The current time in nanoseconds since the epoch. */
    public long nanos() {
        return epochNanos.get();
    }

    /** Moves the clock forward by {@code duration}. */
    public void advance(Duration duration) {
        epochNanos.addAndGet(duration.toNanos());
    }

    /** Moves the clock by {@code nanos} (negative values move it back, e.g. to simulate a skewed client). */
    public void advanceNanos(long nanos) {
        epochNanos.addAndGet(nanos);
    }

    /** A sleeper that advances this clock by the requested duration and returns at once. */
    public Sleeper sleeper() {
        return new Sleeper() {
            @Override
            public void sleep(Duration duration) {
                advance(duration);
            }

            @Override
            public CompletableFuture<Void> delay(Duration duration) {
                advance(duration);
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
