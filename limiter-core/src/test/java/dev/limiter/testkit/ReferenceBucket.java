package dev.limiter.testkit;

import dev.limiter.Limit;

import java.math.BigInteger;

/**
 * The textbook token bucket, kept independent of the GCRA code it checks: a level of tokens that refills
 * continuously at {@code R/P} per nanosecond up to the capacity. The level is held exactly as {@code tokens * P}
 * in a {@link BigInteger}, so refill per nanosecond is the integer {@code R}.
 *
 * <p>It agrees with the limiter exactly when {@code P} (in nanoseconds) is a multiple of {@code R}, i.e. when a
 * token's cost is a whole number of nanoseconds; property tests draw such limits.
 */
public final class ReferenceBucket {

    private final Limit limit;
    private final BigInteger period;
    private final BigInteger rate;
    private final BigInteger full;
    private BigInteger level;
    private long lastNanos;

    /** A full bucket at {@code nowNanos}. */
    public ReferenceBucket(Limit limit, long nowNanos) {
        this.limit = limit;
        this.period = BigInteger.valueOf(limit.periodNanos());
        this.rate = BigInteger.valueOf(limit.refillAmount());
        this.full = BigInteger.valueOf(limit.capacity()).multiply(period);
        this.level = full;
        this.lastNanos = nowNanos;
    }

    /** The limit this bucket models. */
    public Limit limit() {
        return limit;
    }

    /** Whether {@code tokens} are available now. */
    public boolean has(long tokens, long nowNanos) {
        refill(nowNanos);
        return level.compareTo(scaled(tokens)) >= 0;
    }

    /** Takes {@code tokens}, possibly going below zero (debt). */
    public void take(long tokens, long nowNanos) {
        refill(nowNanos);
        level = level.subtract(scaled(tokens));
    }

    /** Gives back {@code tokens}, never above capacity. */
    public void give(long tokens, long nowNanos) {
        refill(nowNanos);
        level = level.add(scaled(tokens)).min(full);
    }

    /** Nanoseconds until {@code tokens} are available. */
    public long retryAfterNanos(long tokens, long nowNanos) {
        refill(nowNanos);
        BigInteger deficit = scaled(tokens).subtract(level);
        if (deficit.signum() <= 0) {
            return 0;
        }
        BigInteger[] qr = deficit.divideAndRemainder(rate);
        return (qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE)).longValueExact();
    }

    /** Whole tokens available now, rounded towards minus infinity. */
    public long available(long nowNanos) {
        refill(nowNanos);
        BigInteger[] qr = level.divideAndRemainder(period);
        BigInteger floor = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return floor.longValueExact();
    }

    private void refill(long nowNanos) {
        if (nowNanos > lastNanos) {
            level = level.add(BigInteger.valueOf(nowNanos - lastNanos).multiply(rate)).min(full);
            lastNanos = nowNanos;
        }
    }

    private BigInteger scaled(long tokens) {
        return BigInteger.valueOf(tokens).multiply(period);
    }
}
