package dev.limiter.cli.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * What the demo simulates: how long, how many concurrent workers, the seed of its random choices, the size of the
 * organisation, and the shape of one model call.
 *
 * @param duration        how long workers start new calls
 * @param workers         concurrent calls at most (each worker runs one call at a time)
 * @param seed            seed of every random choice: user, latency, tokens used, failure
 * @param usersPerTeam    users in each team
 * @param resource        the resource every call is for (the model)
 * @param estimatedTokens tokens acquired up front for each call
 * @param minTokens       fewest tokens a call really uses
 * @param maxTokens       most tokens a call really uses
 * @param failurePercent  percentage of calls that fail and are rolled back, 0 to 100
 * @param minLatency      shortest simulated model latency
 * @param maxLatency      longest simulated model latency
 * @param maxBackoff      longest pause of a worker after a rejection (it waits the retry-after up to this)
 */
public record DemoSettings(Duration duration, int workers, long seed, int usersPerTeam, String resource,
                           long estimatedTokens, long minTokens, long maxTokens, int failurePercent,
                           Duration minLatency, Duration maxLatency, Duration maxBackoff) {

    /** The most users per team: the demo names them from a list of this size. */
    public static final int MAX_USERS_PER_TEAM = 12;

    /** Validates every component, naming the bad one. */
    public DemoSettings {
        requirePositive("duration", duration);
        require(workers >= 1 && workers <= 1024, "workers must be between 1 and 1024, got " + workers);
        require(usersPerTeam >= 1 && usersPerTeam <= MAX_USERS_PER_TEAM,
                "users per team must be between 1 and " + MAX_USERS_PER_TEAM + ", got " + usersPerTeam);
        Objects.requireNonNull(resource, "resource");
        require(estimatedTokens >= 1, "estimated tokens must be positive, got " + estimatedTokens);
        require(minTokens >= 1 && minTokens <= maxTokens,
                "tokens used must satisfy 1 <= min <= max, got " + minTokens + ".." + maxTokens);
        require(failurePercent >= 0 && failurePercent <= 100,
                "failure percent must be between 0 and 100, got " + failurePercent);
        requirePositive("minLatency", minLatency);
        requirePositive("maxLatency", maxLatency);
        require(minLatency.compareTo(maxLatency) <= 0, "minLatency must not exceed maxLatency");
        requirePositive("maxBackoff", maxBackoff);
    }

    /**
     * The standard gateway: model {@code gpt-4o}, 500 tokens estimated, 200 to 1,500 used (so most calls end in
     * debt), 10% failures, 150 to 600 ms latency, at most 1 s pause after a rejection.
     */
    public static DemoSettings of(Duration duration, int workers, long seed, int usersPerTeam) {
        return new DemoSettings(duration, workers, seed, usersPerTeam, "gpt-4o", 500, 200, 1_500, 10,
                Duration.ofMillis(150), Duration.ofMillis(600), Duration.ofSeconds(1));
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        require(!value.isNegative() && !value.isZero(), name + " must be positive, got " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
