package dev.limiter.cli.demo;

import dev.limiter.Limit;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * The admission bound of one limit of one entity, checked from the outside: a token bucket that started full and
 * ended with {@code availableAtEnd} tokens can have let through, over {@code elapsed}, at most
 *
 * <pre>
 *   capacity - availableAtEnd + refillAmount * elapsed / refillPeriod
 * </pre>
 *
 * <p>net tokens. Why: each charge moves the bucket's theoretical arrival time (TAT) forward by at least the cost of
 * its tokens, refunds move it back by at most theirs, and {@code max(TAT, now)} grows by at most the elapsed time,
 * so the net cost charged is at most {@code elapsed + backlog(end)}; the backlog at the end is at most the cost of
 * {@code capacity - availableAtEnd} tokens, debt included (debt shows as negative available tokens). The check uses
 * exact integers: {@code consumed * period <= (capacity - available) * period + refill * (elapsedNanos + 1)}, the
 * extra nanosecond covering the ceiling in the bucket's tolerance.
 *
 * @param entity         the entity whose bucket this is
 * @param limit          the limit as the limiter resolved it
 * @param consumedTokens net tokens charged, as the demo counted them
 * @param availableAtEnd tokens the limiter reported available at the end; negative while in debt
 * @param elapsed        from before the first charge to after {@code availableAtEnd} was read
 */
public record LimitCheck(String entity, Limit limit, long consumedTokens, long availableAtEnd, Duration elapsed) {

    /** Requires every component and a non-negative elapsed time. */
    public LimitCheck {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative, got " + elapsed);
        }
    }

    /** Whether the bound holds: no more tokens went through than the limit allows. */
    public boolean holds() {
        BigInteger period = BigInteger.valueOf(limit.periodNanos());
        BigInteger consumed = BigInteger.valueOf(consumedTokens).multiply(period);
        BigInteger fromBucket = BigInteger.valueOf(limit.capacity()).subtract(BigInteger.valueOf(availableAtEnd))
                .multiply(period);
        BigInteger fromRefill = BigInteger.valueOf(limit.refillAmount())
                .multiply(BigInteger.valueOf(elapsed.toNanos()).add(BigInteger.ONE));
        return consumed.compareTo(fromBucket.add(fromRefill)) <= 0;
    }

    /** The bound in tokens, for display: {@code capacity - availableAtEnd + refillAmount * elapsed / refillPeriod}. */
    public double allowedTokens() {
        return limit.capacity() - (double) availableAtEnd
                + (double) limit.refillAmount() * elapsed.toNanos() / limit.periodNanos();
    }

    /** How much of the bound was used, as a fraction: 1.0 is exactly at the bound. */
    public double utilisation() {
        double allowed = allowedTokens();
        if (consumedTokens <= 0) {
            return 0;
        }
        return allowed <= 0 ? Double.POSITIVE_INFINITY : consumedTokens / allowed;
    }
}
