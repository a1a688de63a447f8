package dev.limiter.bucket;

import dev.limiter.Limit;
import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.Require;

/**
 * The stored state of one limit in one bucket: the limit's parameters as last written, the theoretical
 * arrival time and the net number of tokens consumed so far (charges and debt add, refunds subtract; usage
 * aggregation reads its deltas).
 *
 * <p>Immutable; every operation returns a new state. See the package documentation for the algorithm.
 *
 * @param limit          the parameters the TAT was last computed under
 * @param tatNanos       the theoretical arrival time in nanoseconds since the epoch; 0 for a fresh bucket
 * @param consumedTokens net tokens consumed since the bucket was created
 */
public record LimitState(Limit limit, long tatNanos, long consumedTokens) {

    /**
     * The largest backlog any bucket may carry: twice the longest refill time. Debt beyond it is forgiven,
     * which keeps {@code TAT} far from overflow (until the year 2160).
     */
    public static final long MAX_BACKLOG_NANOS = 2 * Limit.MAX_REFILL_TIME.toNanos();

    /** Validates the components. */
    public LimitState {
        Require.nonNull("limit", limit);
        if (tatNanos < 0) {
            throw new IllegalArgumentException("tatNanos must not be negative, got " + tatNanos);
        }
    }

    /** A bucket that has never been charged: full. */
    public static LimitState fresh(Limit limit) {
        return new LimitState(limit, 0, 0);
    }

    /** Nanoseconds until the bucket is full again, {@code max(TAT - now, 0)}. */
    public long backlogNanos(long nowNanos) {
        return Math.max(tatNanos - nowNanos, 0);
    }

    /** Whether the bucket can take {@code tokens} now: its backlog is at most {@link Limit#slackNanos}. */
    public boolean admits(long tokens, long nowNanos) {
        return backlogNanos(nowNanos) <= limit.slackNanos(tokens);
    }

    /** Nanoseconds until a request for {@code tokens} would be admitted; 0 if it is admitted now. */
    public long retryAfterNanos(long tokens, long nowNanos) {
        return Math.max(backlogNanos(nowNanos) - limit.slackNanos(tokens), 0);
    }

    /**
     * Whole tokens available now, the most a request could take: {@code capacity - ceil(backlog * R / P)};
     * negative while the bucket is in debt.
     */
    public long availableTokens(long nowNanos) {
        return limit.capacity() - Arithmetic.mulDivCeil(backlogNanos(nowNanos), limit.refillAmount(), limit.periodNanos());
    }

    /**
     * Charges {@code costNanos} of bucket time for {@code tokens} tokens without any bound but the backlog
     * cap: the caller decides admission first (acquire) or allows debt (adjust).
     */
    public LimitState charge(long costNanos, long tokens, long nowNanos) {
        return new LimitState(limit, chargedTatNanos(tatNanos, costNanos, nowNanos),
                Arithmetic.saturatedAdd(consumedTokens, tokens));
    }

    /**
     * The TAT after charging {@code costNanos} to a bucket whose TAT is {@code tatNanos}: {@code max(TAT, now) + cost},
     * capped at {@link #MAX_BACKLOG_NANOS} ahead of now. The arithmetic of {@link #charge}, for backends that keep
     * TATs in place of {@code LimitState}s.
     */
    public static long chargedTatNanos(long tatNanos, long costNanos, long nowNanos) {
        long start = Math.max(tatNanos, nowNanos);
        long capped = Math.min(Arithmetic.saturatedAdd(start, costNanos), nowNanos + MAX_BACKLOG_NANOS);
        // Never move the TAT back: a writer whose clock lags must not forgive debt beyond the cap.
        return Math.max(tatNanos, capped);
    }

    /** Gives back {@code costNanos} of bucket time for {@code tokens} refunded tokens. */
    public LimitState refund(long costNanos, long tokens) {
        return new LimitState(limit, Math.max(tatNanos - costNanos, 0), consumedTokens - tokens);
    }

    /**
     * Applies one settlement of a lease: a charge ({@code tokens > 0}, debt allowed) or a refund ({@code tokens < 0})
     * of {@code costNanos} bucket time. If the stored parameters differ from those the lease was granted under (the
     * configuration changed meanwhile), the cost is recomputed under the stored ones, rounding against the caller.
     */
    public LimitState settle(Limit granted, long tokens, long costNanos, long nowNanos) {
        if (tokens > 0) {
            long cost = limit.sameParameters(granted) ? costNanos : limit.costNanos(tokens);
            return charge(cost, tokens, nowNanos);
        }
        long cost = limit.sameParameters(granted) ? costNanos
                : Arithmetic.mulDivFloor(-tokens, limit.periodNanos(), limit.refillAmount());
        return refund(cost, -tokens);
    }

    /**
     * Re-expresses this state under new parameters, keeping the tokens in use: a backlog worth {@code u}
     * tokens under the old limit becomes the backlog worth {@code u} tokens under the new one. A config change
     * thus reaches a bucket at its next write without resetting or losing consumption.
     */
    public LimitState reconcile(Limit target, long nowNanos) {
        if (limit.sameParameters(target)) {
            return limit.equals(target) ? this : new LimitState(target, tatNanos, consumedTokens);
        }
        long backlog = backlogNanos(nowNanos);
        if (backlog == 0) {
            return new LimitState(target, tatNanos, consumedTokens);
        }
        // backlog' = backlog * (R_old / P_old) * (P_new / R_new), rounded up: never admits more.
        long rescaled = Arithmetic.scaleCeil(backlog, limit.refillAmount(), target.periodNanos(),
                limit.periodNanos(), target.refillAmount());
        long newBacklog = Math.min(rescaled, MAX_BACKLOG_NANOS);
        return new LimitState(target, nowNanos + newBacklog, consumedTokens);
    }
}
