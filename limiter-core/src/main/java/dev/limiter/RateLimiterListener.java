package dev.limiter;

import java.time.Duration;
import java.util.List;

/**
 * Receives the limiter's events, e.g. to publish metrics. Every method has an empty default, so implement only
 * what you need. Methods run on the thread that completed the operation (possibly a backend I/O thread): keep them
 * fast and non-blocking. Exceptions they throw are logged and never change a decision.
 */
public interface RateLimiterListener {

    /** An acquire was granted after {@code latency}. */
    default void onGranted(Lease lease, Duration latency) {
    }

    /**
     * An acquire was granted although the shadow limits in {@code wouldHaveRejected} would have rejected it had they
     * been enforced (see {@link Limit#shadow}); called right after {@link #onGranted}. Acquires rejected by an
     * enforced limit are reported to {@link #onRejected} only, their shadow statuses included.
     */
    default void onShadowRejected(Lease lease, List<LimitStatus> wouldHaveRejected) {
    }

    /** An acquire was rejected after {@code latency}. */
    default void onRejected(Decision.Rejected rejection, Duration latency) {
    }

    /**
     * The backend failed for an operation on {@code entity}/{@code resource}; {@code policy} says what happened
     * next ({@link OnUnavailable#ALLOW}: a degraded lease was granted or the settlement was dropped).
     */
    default void onUnavailable(String entity, String resource, OnUnavailable policy, Throwable cause) {
    }

    /**
     * An acquire for {@code entity}/{@code resource} was refused without a write because this host's clock runs
     * ahead of the store's by more than the backend accepts; {@code refusal} carries the estimate and the bound.
     */
    default void onClockSkew(String entity, String resource, ClockSkewException refusal) {
    }

    /** The limiter made one backend call ({@code charge}, {@code settle}, {@code read}, {@code config}, {@code entity}). */
    default void onBackendCall(String operation, Duration latency, boolean failed) {
    }

    /**
     * This process reserved tokens from a shared bucket for its local tier, or returned unused ones
     * ({@link LocalTier}); one event per bucket and limit.
     */
    default void onLocalAllowance(LocalAllowanceEvent event) {
    }

    /** A lookup of resolved limits was served from the per-process cache ({@code hit}) or loaded from the store. */
    default void onCacheLookup(boolean hit) {
    }
}
