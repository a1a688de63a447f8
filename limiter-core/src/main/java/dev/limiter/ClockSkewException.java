package dev.limiter;

import dev.limiter.internal.Require;

import java.time.Duration;

/**
 * The backend refused to write because this process's clock runs ahead of the store's by more than the configured
 * bound. Every write is stamped with this clock; a clock running ahead by {@code s} pushes a bucket's theoretical
 * arrival time {@code s} into the future, which locks every correctly clocked client out of that bucket for about
 * {@code s} while this one keeps being admitted. The {@link OnUnavailable} policy does not apply: the store is
 * reachable, and admitting without a charge would let exactly the misconfigured host through unmetered. Fix the
 * host's time (NTP, Amazon Time Sync); writes resume as soon as a response shows the clock within the bound.
 */
public final class ClockSkewException extends RateLimiterException {

    private static final long serialVersionUID = 1L;

    private final Duration aheadBy;
    private final Duration bound;

    /**
     * Creates the refusal.
     *
     * @param aheadBy the estimated offset: this clock runs ahead of the store's by at least this much
     * @param bound   the largest offset the backend accepts
     * @param cause   what the estimate came from
     */
    public ClockSkewException(Duration aheadBy, Duration bound, Throwable cause) {
        super("this host's clock runs at least " + Require.nonNull("aheadBy", aheadBy).toMillis()
                + " ms ahead of the store's, more than the allowed " + Require.nonNull("bound", bound).toMillis()
                + " ms: writes are refused because they would lock correctly clocked clients out of their buckets;"
                + " synchronise this host's clock (NTP, Amazon Time Sync)", Require.nonNull("cause", cause));
        this.aheadBy = aheadBy;
        this.bound = bound;
    }

    /** How far ahead of the store's clock this clock runs, at least. */
    public Duration aheadBy() {
        return aheadBy;
    }

    /** The largest offset the backend accepts. */
    public Duration bound() {
        return bound;
    }
}
