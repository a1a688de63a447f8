package dev.limiter.micrometer;

import java.util.Locale;

/**
 * What happened to one limit of one acquire, the {@code outcome} tag of {@link LimiterMetrics#DECISIONS}. One counter
 * carries every outcome, so that dashboards sum or divide them without joining meters.
 */
public enum Outcome {
    /** The limit admitted the request and was charged to the shared bucket by this acquire. */
    GRANTED,
    /** The limit rejected the request; nothing was charged. */
    REJECTED,
    /**
     * A limit in shadow mode ({@link dev.limiter.Limit#shadow}) would have rejected the request had it been
     * enforced; it let the request through.
     */
    SHADOW_REJECTED,
    /** The backend was unavailable; the limiter's {@link dev.limiter.OnUnavailable} policy decided. */
    UNAVAILABLE,
    /**
     * The limit admitted the request from tokens this process had reserved ({@link dev.limiter.LocalTier},
     * {@link dev.limiter.Lease#servedLocally()}): counted instead of {@link #GRANTED}, so granted acquires are the sum
     * of both.
     */
    SERVED_LOCALLY;

    /** The tag value: the constant's name in lower case, e.g. {@code shadow_rejected}. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
