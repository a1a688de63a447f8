package dev.limiter.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Overflow-safe integer arithmetic for the bucket math. Products of a token amount and a period in
 * nanoseconds can exceed 64 bits (10^15 tokens times a year is about 3 * 10^31), so each operation has a
 * 64-bit fast path and an exact 128-bit path; results that do not fit saturate at {@link Long#MAX_VALUE} or
 * {@link Long#MIN_VALUE} instead of wrapping.
 *
 * <p>The 128-bit path allocates nothing: products come from {@link Math#multiplyHigh} (high word) and the
 * wrapping {@code *} (low word), and quotients from a 128-by-64-bit long division (Knuth's algorithm D on 32-bit
 * digits, as in Hacker's Delight {@code divlu}). A daily budget or a large per-minute limit therefore costs what a
 * small one costs. Every 128-bit value here is unsigned and held as a pair {@code (high, low)}.
 */
public final class Arithmetic {

    private static final long DIGIT = 1L << 32;
    private static final long DIGIT_MASK = DIGIT - 1;

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
        return ceilDivide(high, low, c);
    }

    /** Returns {@code floor(a * b / c)} for any sign of {@code a}, {@code b >= 0} and {@code c > 0}, saturating. */
    public static long mulDivFloor(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        boolean fits = (high == 0 && low >= 0) || (high == -1 && low < 0);
        if (fits) {
            return Math.floorDiv(low, c);
        }
        if (a >= 0) {
            return floorDivide(high, low, c);
        }
        // floor(-m / c) = -ceil(m / c) for the magnitude m = |a| * b (|Long.MIN_VALUE| = 2^63 as an unsigned word).
        long magnitude = -a;
        long magnitudeHigh = unsignedMultiplyHigh(magnitude, b);
        long magnitudeLow = magnitude * b;
        if (Long.compareUnsigned(magnitudeHigh, c) >= 0) {
            return Long.MIN_VALUE;
        }
        long quotient = divide(magnitudeHigh, magnitudeLow, c);
        boolean exact = magnitudeLow - quotient * c == 0;
        // The negated result fits unless the rounded-up magnitude exceeds 2^63 (Long.MIN_VALUE as unsigned).
        if (Long.compareUnsigned(quotient, Long.MIN_VALUE) > 0 || (quotient == Long.MIN_VALUE && !exact)) {
            return Long.MIN_VALUE;
        }
        return -(exact ? quotient : quotient + 1);
    }

    /**
     * Returns {@code a * b * c / (d * e)} rounded up, for non-negative inputs and positive divisors, saturating.
     * Computed as {@code ceil(ceil(a * b * c / d) / e)}, which equals the single rounding for positive integers, and
     * with {@code a * b = q * d + r}: {@code ceil(a * b * c / d) = q * c + ceil(r * c / d)}, so no intermediate value
     * needs more than 128 bits unless the result saturates anyway.
     */
    public static long scaleCeil(long a, long b, long c, long d, long e) {
        long productHigh = Math.multiplyHigh(a, b);
        long productLow = a * b;
        // q = (qHigh, qLow) = floor(a * b / d), r its remainder; qHigh < 2^63 because a * b < 2^126.
        long qHigh = productHigh / d;
        long qLow = divide(productHigh % d, productLow, d);
        long r = productLow - qLow * d;
        long carry = mulDivCeil(r, c, d); // < c + 1, since r < d
        // y = q * c + carry. y / e < 2^64 needs yHigh < e < 2^63; a larger high word means saturation.
        long highTimesC = qHigh * c;
        if (Math.multiplyHigh(qHigh, c) != 0 || highTimesC < 0) {
            return Long.MAX_VALUE;
        }
        long yLow = qLow * c;
        long yHigh = unsignedMultiplyHigh(qLow, c) + highTimesC;
        long sum = yLow + carry;
        if (Long.compareUnsigned(sum, yLow) < 0) {
            yHigh++;
        }
        if (Long.compareUnsigned(yHigh, e) >= 0) {
            return Long.MAX_VALUE;
        }
        return ceilDivide(yHigh, sum, e);
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

    /** {@code ceil((high, low) / c)} for {@code c > 0}, saturating at {@link Long#MAX_VALUE}. */
    private static long ceilDivide(long high, long low, long c) {
        if (Long.compareUnsigned(high, c) >= 0) {
            return Long.MAX_VALUE;
        }
        long quotient = divide(high, low, c);
        if (quotient < 0) {
            return Long.MAX_VALUE;
        }
        return low - quotient * c == 0 ? quotient : saturatedAdd(quotient, 1);
    }

    /** {@code floor((high, low) / c)} for {@code c > 0}, saturating at {@link Long#MAX_VALUE}. */
    private static long floorDivide(long high, long low, long c) {
        if (Long.compareUnsigned(high, c) >= 0) {
            return Long.MAX_VALUE;
        }
        long quotient = divide(high, low, c);
        return quotient < 0 ? Long.MAX_VALUE : quotient;
    }

    /** The high word of the unsigned product {@code x * y} (JDK 18's {@code Math.unsignedMultiplyHigh}). */
    static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /**
     * The unsigned quotient {@code floor((high, low) / divisor)} for {@code 0 < divisor} and {@code high < divisor}
     * (unsigned), which guarantees it fits one word: Knuth's algorithm D with two 32-bit quotient digits. The
     * remainder is {@code low - quotient * divisor} in wrapping arithmetic.
     */
    static long divide(long high, long low, long divisor) {
        int shift = Long.numberOfLeadingZeros(divisor);
        long v = divisor << shift;
        long vHigh = v >>> 32;
        long vLow = v & DIGIT_MASK;
        long top = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        long shiftedLow = low << shift;
        long q1 = quotientDigit(top, shiftedLow >>> 32, vHigh, vLow);
        long middle = top * DIGIT + (shiftedLow >>> 32) - q1 * v;
        long q0 = quotientDigit(middle, shiftedLow & DIGIT_MASK, vHigh, vLow);
        return q1 * DIGIT + q0;
    }

    /**
     * One 32-bit digit of the quotient of {@code (dividend, nextDigit)} by the normalised divisor
     * {@code (vHigh, vLow)}: estimated from the top digits, then corrected at most twice (Knuth, step D3).
     */
    private static long quotientDigit(long dividend, long nextDigit, long vHigh, long vLow) {
        long q = divideUnsigned(dividend, vHigh);
        long remainder = dividend - q * vHigh;
        while (q >= DIGIT || Long.compareUnsigned(q * vLow, remainder * DIGIT + nextDigit) > 0) {
            q--;
            remainder += vHigh;
            if (remainder >= DIGIT) {
                break;
            }
        }
        return q;
    }

    /**
     * Unsigned {@code dividend / divisor} for {@code 0 < divisor < 2^63}. JDK 17's {@link Long#divideUnsigned}
     * falls back to {@code BigInteger} for dividends of 2^63 and above; halving first keeps this in registers.
     */
    private static long divideUnsigned(long dividend, long divisor) {
        if (dividend >= 0) {
            return dividend / divisor;
        }
        long quotient = ((dividend >>> 1) / divisor) << 1;
        long remainder = dividend - quotient * divisor;
        return Long.compareUnsigned(remainder, divisor) >= 0 ? quotient + 1 : quotient;
    }
}
