package dev.limiter.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/**
 * Overflow-safe integer arithmetic for the bucket math. Products of a token amount and a period in
 * nanoseconds can exceed 64 bits (10^15 tokens times a year is about 3 * 10^31), so each operation has a
 * 64-bit fast path and an exact 128-bit fallback; results that do not fit saturate at
 * {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE} instead of wrapping.
 */
public final class Arithmetic {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private Arithmetic() {
    }

    /** Returns {@code ceil(a * b / c)} for {@code a, b >= 0} and {@code c > 0}, saturating. */
    public static long mulDivCeil(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0) {
            long quotient = low / c;
            return low % c == 0 ? quotient : quotient + 1;
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        BigInteger quotient = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return saturate(quotient);
    }

    /** Returns {@code floor(a * b / c)} for any sign of {@code a}, {@code b >= 0} and {@code c > 0}, saturating. */
    public static long mulDivFloor(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        boolean fits = (high == 0 && low >= 0) || (high == -1 && low < 0);
        if (fits) {
            return Math.floorDiv(low, c);
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        BigInteger quotient = qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        return saturate(quotient);
    }

    /** Returns {@code a * b * c / (d * e)} rounded up, for non-negative inputs and positive divisors, saturating. */
    public static long scaleCeil(long a, long b, long c, long d, long e) {
        BigInteger numerator = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(BigInteger.valueOf(c));
        BigInteger[] qr = numerator.divideAndRemainder(BigInteger.valueOf(d).multiply(BigInteger.valueOf(e)));
        return saturate(qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE));
    }

    /** Returns {@code a + b}, saturating instead of overflowing. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /** Converts an instant to nanoseconds since the epoch; valid until the year 2262. */
    public static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** Rounds a duration up to whole seconds (0 stays 0). */
    public static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    private static long saturate(BigInteger value) {
        if (value.compareTo(LONG_MAX) > 0) {
            return Long.MAX_VALUE;
        }
        if (value.compareTo(LONG_MIN) < 0) {
            return Long.MIN_VALUE;
        }
        return value.longValueExact();
    }
}
