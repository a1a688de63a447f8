package dev.limiter;

import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.Require;

import java.time.Duration;

/**
 * One rate limit: a token bucket that holds at most {@code capacity} tokens and refills continuously at
 * {@code refillAmount} tokens per {@code refillPeriod}.
 *
 * <pre>{@code
 * Limit rpm = Limit.perMinute("rpm", 100);                      // capacity = rate
 * Limit tpm = Limit.perMinute("tpm", 10_000).withBurst(15_000); // capacity 15k, refill 10k/min
 * Limit odd = Limit.of("req", 50, 50, Duration.ofSeconds(30));  // capacity, refill amount, refill period
 * }</pre>
 *
 * <p>The limiter evaluates limits with the generic cell rate algorithm (see {@link dev.limiter.bucket}), in
 * integer nanoseconds: taking {@code n} tokens costs {@link #costNanos(long) ceil(n * period / amount)}
 * nanoseconds of bucket time. Costs round up, so rounding can only ever admit less, never more, and only
 * when the period is not a whole multiple of the refill amount in nanoseconds (by under a nanosecond per
 * request).
 *
 * <p>Bounds keep every computation exact and free of overflow: amounts up to {@link #MAX_TOKENS}, periods
 * from {@link #MIN_PERIOD} to {@link #MAX_PERIOD}, a refill rate of at most one token per nanosecond (so that
 * every token costs at least one nanosecond and a full bucket never shows more than its capacity), and
 * refilling a whole bucket ({@code capacity * period / refillAmount}) may take at most {@link #MAX_REFILL_TIME}.
 * This covers 1 token per day as well as 10^9 tokens per second.
 *
 * <p><b>Shadow mode.</b> A {@link #asShadow() shadow} limit is evaluated like any other but never rejects: a
 * request it would reject is granted (if the enforced limits allow it) and reported as a would-be rejection to
 * {@link RateLimiterListener#onShadowRejected}, in {@link LimitStatus#shadowRejected()} and in {@code explain}.
 * A shadow limit that admits the request is charged as usual, atomically with the others; one that would reject it
 * is not charged at all (no debt), so its bucket holds what it would hold had it been enforced alone, and the
 * would-be rejection rate it reports is the one enforcing it would produce. An amount above a shadow limit's
 * capacity is reported the same way (retry-after of about 292 years) rather than refused. Use it to roll a new
 * limit out safely.
 *
 * <p><b>Local allowance.</b> With {@link #withLocalAllowance(LocalAllowance) a local allowance} and the limiter's
 * {@link LocalTier} on, a process may reserve a batch of the limit's tokens and grant acquires from it without I/O;
 * see {@link LocalAllowance} for the bound this keeps. Off ({@link LocalAllowance#NONE}) unless set.
 *
 * @param name         the limit's name, e.g. {@code rpm}; matches {@code [A-Za-z][A-Za-z0-9_.-]*}, at most 64 characters
 * @param capacity     the most tokens the bucket holds (the burst), at least 1
 * @param refillAmount tokens added per {@code refillPeriod}, at least 1
 * @param refillPeriod the period over which {@code refillAmount} tokens are added
 * @param shadow       whether the limit only reports what it would reject instead of rejecting
 * @param local        how far one process may serve the limit from tokens reserved in advance;
 *                     {@link LocalAllowance#NONE} for none
 */
public record Limit(String name, long capacity, long refillAmount, Duration refillPeriod, boolean shadow,
                    LocalAllowance local) {

    /** The largest capacity, refill amount or single amount requested: 10^15 tokens. */
    public static final long MAX_TOKENS = 1_000_000_000_000_000L;
    /** The shortest refill period: one microsecond. */
    public static final Duration MIN_PERIOD = Duration.ofNanos(1_000);
    /** The longest refill period: 366 days. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);
    /** The longest time an empty bucket may take to refill completely: 50 years of 365 days. */
    public static final Duration MAX_REFILL_TIME = Duration.ofDays(365L * 50);

    /**
     * The most limits one bucket may hold: per configuration level, per request, and after resolution across
     * levels.
     *
     * <p>Derived from DynamoDB's expression limits (4 KB per expression string, 300 operators or functions per
     * expression), which the one write charging every limit of a bucket must respect. Counted generously (the
     * {@code AND} inside {@code BETWEEN} and every action of an update included), the worst-case branch costs per
     * limit 5 condition operators and about 60 bytes ({@code (#a95 BETWEEN :now AND :v127) AND (#a96 = :v128)}
     * plus the joining {@code ) AND (}), and about 5 update operators and 37 bytes
     * ({@code #a95 = #a95 + :v129, } and {@code #a97 :v131, }). The write also carries a token clause (3 operators)
     * and a TTL, and drops up to 8 limits that are no longer configured (4 condition operators and about 50 bytes,
     * 3 removed names, per dropped limit). At 32 limits: condition 32 x 5 + 8 x 4 + 3 = 195 operators and about
     * 2.1 KB; update about 156 operators and 1.2 KB (measured by {@code ExpressionBoundsTest} with 64-character
     * names): both under two thirds of either bound. About 60 limits would reach 300 condition operators.
     */
    public static final int MAX_PER_BUCKET = 32;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Validates every component; the message names the limit and the broken rule. */
    public Limit {
        Require.limitName("limit name", name);
        Require.positive("limit '" + name + "' capacity", capacity, MAX_TOKENS);
        Require.positive("limit '" + name + "' refill amount", refillAmount, MAX_TOKENS);
        Require.nonNull("limit '" + name + "' refill period", refillPeriod);
        Require.nonNull("limit '" + name + "' local allowance", local);
        if (refillPeriod.compareTo(MIN_PERIOD) < 0 || refillPeriod.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("limit '" + name + "' refill period is " + refillPeriod
                    + ": must be between " + MIN_PERIOD + " and " + MAX_PERIOD);
        }
        if (refillAmount > refillPeriod.toNanos()) {
            throw new IllegalArgumentException("limit '" + name + "' refills " + refillAmount + " tokens per "
                    + refillPeriod + ": must be at most one token per nanosecond (10^9 per second)");
        }
        long refillNanos = Arithmetic.mulDivCeil(capacity, refillPeriod.toNanos(), refillAmount);
        if (refillNanos > MAX_REFILL_TIME.toNanos()) {
            throw new IllegalArgumentException("limit '" + name + "' takes " + Duration.ofNanos(refillNanos)
                    + " to refill from empty (capacity " + capacity + " * period " + refillPeriod
                    + " / refill amount " + refillAmount + "): must be at most " + MAX_REFILL_TIME);
        }
    }

    /** A limit without a local allowance. */
    public Limit(String name, long capacity, long refillAmount, Duration refillPeriod, boolean shadow) {
        this(name, capacity, refillAmount, refillPeriod, shadow, LocalAllowance.NONE);
    }

    /** An enforced limit (not {@link #shadow}) without a local allowance, with the given parameters. */
    public Limit(String name, long capacity, long refillAmount, Duration refillPeriod) {
        this(name, capacity, refillAmount, refillPeriod, false, LocalAllowance.NONE);
    }

    /** A limit of {@code rate} tokens per second with a capacity of {@code rate}. */
    public static Limit perSecond(String name, long rate) {
        return new Limit(name, rate, rate, Duration.ofSeconds(1));
    }

    /** A limit of {@code rate} tokens per minute with a capacity of {@code rate}. */
    public static Limit perMinute(String name, long rate) {
        return new Limit(name, rate, rate, Duration.ofMinutes(1));
    }

    /** A limit of {@code rate} tokens per hour with a capacity of {@code rate}. */
    public static Limit perHour(String name, long rate) {
        return new Limit(name, rate, rate, Duration.ofHours(1));
    }

    /** A limit of {@code rate} tokens per day with a capacity of {@code rate}. */
    public static Limit perDay(String name, long rate) {
        return new Limit(name, rate, rate, Duration.ofDays(1));
    }

    /** A limit with an explicit capacity, refill amount and refill period. */
    public static Limit of(String name, long capacity, long refillAmount, Duration refillPeriod) {
        return new Limit(name, capacity, refillAmount, refillPeriod);
    }

    /** Returns a copy whose capacity (the most tokens available at once) is {@code burst}. */
    public Limit withBurst(long burst) {
        return new Limit(name, burst, refillAmount, refillPeriod, shadow, local);
    }

    /** Returns a copy with another name and the same parameters. */
    public Limit withName(String newName) {
        return new Limit(newName, capacity, refillAmount, refillPeriod, shadow, local);
    }

    /** Returns a copy in shadow mode: evaluated and reported, never rejecting (see the class documentation). */
    public Limit asShadow() {
        return withShadow(true);
    }

    /** Returns a copy in shadow mode ({@code true}) or enforced ({@code false}). */
    public Limit withShadow(boolean newShadow) {
        return newShadow == shadow ? this : new Limit(name, capacity, refillAmount, refillPeriod, newShadow, local);
    }

    /**
     * Returns a copy that processes with the {@link LocalTier} on may serve from tokens reserved in advance, within
     * {@code allowance}; {@link LocalAllowance#NONE} turns it off.
     */
    public Limit withLocalAllowance(LocalAllowance allowance) {
        return local.equals(allowance) ? this : new Limit(name, capacity, refillAmount, refillPeriod, shadow, allowance);
    }

    /** {@link #withLocalAllowance(LocalAllowance)} with {@link LocalAllowance#defaults()}. */
    public Limit withLocalAllowance() {
        return withLocalAllowance(LocalAllowance.defaults());
    }

    /**
     * Returns whether {@code other} has the same capacity, refill amount and period (names, shadow mode and local
     * allowance aside): whether a bucket kept under one needs no reconciling to the other.
     */
    public boolean sameParameters(Limit other) {
        return capacity == other.capacity && refillAmount == other.refillAmount
                && refillPeriod.equals(other.refillPeriod);
    }

    /** The refill period in nanoseconds. */
    public long periodNanos() {
        return refillPeriod.toNanos();
    }

    /** Bucket time that {@code tokens} tokens cost: {@code ceil(tokens * period / refillAmount)} nanoseconds. */
    public long costNanos(long tokens) {
        return Arithmetic.mulDivCeil(tokens, periodNanos(), refillAmount);
    }

    /** The GCRA tolerance: the cost of a full bucket, {@link #costNanos(long) costNanos(capacity)}. */
    public long toleranceNanos() {
        return costNanos(capacity);
    }

    /**
     * The largest backlog at which a request for {@code tokens} is still admitted: {@code floor((capacity - tokens) *
     * period / refillAmount)} nanoseconds, negative when {@code tokens} exceeds the capacity. Computed exactly rather
     * than as {@code tolerance - cost}, whose two roundings could admit a request a nanosecond early.
     */
    public long slackNanos(long tokens) {
        return Arithmetic.mulDivFloor(capacity - tokens, periodNanos(), refillAmount);
    }

    /** Whole tokens that {@code nanos} of bucket time buy, rounded down (towards minus infinity). */
    public long tokensFor(long nanos) {
        return Arithmetic.mulDivFloor(nanos, refillAmount, periodNanos());
    }

    /** The refill rate in tokens per second, for display. */
    public double tokensPerSecond() {
        return (double) refillAmount * NANOS_PER_SECOND / periodNanos();
    }

    /**
     * A compact description such as {@code 100/PT1M}, {@code 10000/PT1M burst 15000}, {@code 5/PT1S shadow} or
     * {@code 100/PT1S local 10% PT1S}.
     */
    public String describe() {
        String rate = refillAmount + "/" + refillPeriod;
        String described = capacity == refillAmount ? rate : rate + " burst " + capacity;
        described = shadow ? described + " shadow" : described;
        return local.enabled() ? described + " " + local.describe() : described;
    }
}
