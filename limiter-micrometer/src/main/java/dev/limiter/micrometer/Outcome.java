package dev.limiter.micrometer;

import java.util.Locale;

/**
 * What happened to one limit of one acquire, the {@code outcome} tag of {@link LimiterMetrics#DECISIONS}. One counter
 * carries every outcome, so that dashboards sum or divide them without joining meters.
 */
public enum Outcome {
    /** The limit admitted the request and was charged. */
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
     * Served from tokens reserved by an in-process local tier without a backend call. Reported once the core has a
     * local tier; until then never counted.
     */
    SERVED_LOCALLY;

    /** The tag value: the constant's name in lower case, e.g. {@code shadow_rejected}. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
