package dev.limiter;

import dev.limiter.internal.Require;

import java.time.Duration;

/**
 * Whether, and how far, one process may serve a limit from tokens it reserved in advance: the per-limit setting of
 * the local tier (see {@link LocalTier}). A process with the tier on takes a batch of tokens from the shared bucket in
 * one charge and grants acquires from it without I/O; tokens it has not granted within {@link #maxHold} go back.
 *
 * <p>Every local grant is backed by tokens already charged to the shared bucket, so the fleet never admits more than
 * the bucket allowed; only <em>when</em> changes. Over any window {@code w} the fleet admits at most
 * {@code capacity + rate * (w + maxHold)} (derivation in docs/architecture.md). A process that dies keeps its
 * reservation charged: at most {@code maxShare * capacity} tokens per limit, refilled like any consumption.
 *
 * @param maxShare the largest share of the limit's capacity one process may hold at once, above 0 and at most 1;
 *                 {@code 0} only in {@link #NONE}
 * @param maxHold  the longest a reserved token may wait for a local grant before it is returned, from
 *                 {@link #MIN_HOLD} to {@link #MAX_HOLD}; {@link Duration#ZERO} only in {@link #NONE}
 */
public record LocalAllowance(double maxShare, Duration maxHold) {

    /** No local allowance: every acquire on the limit is charged to the shared bucket. The default of every limit. */
    public static final LocalAllowance NONE = new LocalAllowance(0, Duration.ZERO);
    /** The share of capacity one process may hold unless set: a tenth. */
    public static final double DEFAULT_MAX_SHARE = 0.1;
    /** How long reserved tokens may wait unless set: one second. */
    public static final Duration DEFAULT_MAX_HOLD = Duration.ofSeconds(1);
    /** The shortest hold: 10 milliseconds. */
    public static final Duration MIN_HOLD = Duration.ofMillis(10);
    /** The longest hold: 10 minutes, since the hold widens the admission bound by {@code rate * maxHold}. */
    public static final Duration MAX_HOLD = Duration.ofMinutes(10);

    /** Validates the components; the message names the broken rule. */
    public LocalAllowance {
        Require.nonNull("local allowance maxHold", maxHold);
        boolean none = maxShare == 0 && maxHold.isZero();
        if (!none) {
            if (!(maxShare > 0 && maxShare <= 1)) {
                throw new IllegalArgumentException("local allowance maxShare is " + maxShare
                        + ": must be above 0 and at most 1 (a share of the limit's capacity)");
            }
            if (maxHold.compareTo(MIN_HOLD) < 0 || maxHold.compareTo(MAX_HOLD) > 0) {
                throw new IllegalArgumentException("local allowance maxHold is " + maxHold + ": must be between "
                        + MIN_HOLD + " and " + MAX_HOLD);
            }
        }
    }

    /** An allowance of {@link #DEFAULT_MAX_SHARE} held at most {@link #DEFAULT_MAX_HOLD}. */
    public static LocalAllowance defaults() {
        return new LocalAllowance(DEFAULT_MAX_SHARE, DEFAULT_MAX_HOLD);
    }

    /** An allowance of at most {@code maxShare} of capacity, each token held at most {@code maxHold}. */
    public static LocalAllowance of(double maxShare, Duration maxHold) {
        return new LocalAllowance(maxShare, maxHold);
    }

    /** Whether the limit may be served locally (anything but {@link #NONE}). */
    public boolean enabled() {
        return maxShare > 0;
    }

    /** The most tokens of {@code limit} one process may hold: {@code floor(maxShare * capacity)}, 0 when disabled. */
    public long maxTokens(Limit limit) {
        return enabled() ? (long) Math.floor(maxShare * limit.capacity()) : 0;
    }

    /** A compact description such as {@code local 10% PT1S}; empty when disabled. */
    public String describe() {
        if (!enabled()) {
            return "";
        }
        double percent = maxShare * 100;
        String share = percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
        return "local " + share + "% " + maxHold;
    }
}
