package dev.limiter.internal;

import dev.limiter.testkit.SeededRandom;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArithmeticTest {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final long MAX_TOKENS = 1_000_000_000_000_000L;
    private static final long YEAR_NANOS = Duration.ofDays(366).toNanos();

    // ---- mulDivCeil ----

    @Test
    void mulDivCeil_productBelowTwoToThe63_roundsUp() {
        assertThat(Arithmetic.mulDivCeil(1, 60_000_000_000L, 7)).isEqualTo(8_571_428_572L);
        assertThat(Arithmetic.mulDivCeil(7, 60_000_000_000L, 7)).isEqualTo(60_000_000_000L);
        assertThat(Arithmetic.mulDivCeil(0, Long.MAX_VALUE, 3)).isZero();
    }

    @Test
    void mulDivCeil_productExactlyTwoToThe63_takesExactFallback() {
        // 2^32 * 2^31 = 2^63 does not fit a long: the fast path must not see a negative product.
        assertThat(Arithmetic.mulDivCeil(1L << 32, 1L << 31, 2)).isEqualTo(1L << 62);
        assertThat(Arithmetic.mulDivCeil(1L << 32, 1L << 31, 3)).isEqualTo(3_074_457_345_618_258_603L);
    }

    @Test
    void mulDivCeil_maxTokensTimesYear_isExact() {
        // 10^15 * 366 days in ns is about 3.2e31; the divisor brings the quotient back into range.
        long result = Arithmetic.mulDivCeil(MAX_TOKENS, YEAR_NANOS, 7_000_000_000_000_003L);

        assertThat(result).isEqualTo(4_517_485_714_285_713L);
    }

    @Test
    void mulDivCeil_quotientAboveLongRange_saturatesAtMax() {
        assertThat(Arithmetic.mulDivCeil(Long.MAX_VALUE, Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Arithmetic.mulDivCeil(MAX_TOKENS, YEAR_NANOS, 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void mulDivCeil_randomOperands_matchBigInteger() {
        SeededRandom.run("ArithmeticTest#mulDivCeil_randomOperands_matchBigInteger", random -> {
            for (int i = 0; i < 20_000; i++) {
                long a = operand(random);
                long b = operand(random);
                long c = 1 + operand(random) % Long.MAX_VALUE;
                long expected = saturate(ceil(big(a).multiply(big(b)), big(c)));
                assertThat(Arithmetic.mulDivCeil(a, b, c)).as("ceil(%d * %d / %d)", a, b, c).isEqualTo(expected);
            }
        });
    }

    // ---- mulDivFloor ----

    @Test
    void mulDivFloor_negativeSmallProduct_roundsTowardsMinusInfinity() {
        assertThat(Arithmetic.mulDivFloor(-1, 7, 60_000_000_000L)).isEqualTo(-1);
        assertThat(Arithmetic.mulDivFloor(-8, 3, 4)).isEqualTo(-6);
        assertThat(Arithmetic.mulDivFloor(1, 7, 60_000_000_000L)).isZero();
    }

    @Test
    void mulDivFloor_negativeProductBeyondLongRange_roundsTowardsMinusInfinity() {
        // -(10^15) * 366 days in us is about -3.2e28 and not a multiple of the divisor: truncation gives ...778.
        long result = Arithmetic.mulDivFloor(-MAX_TOKENS, YEAR_NANOS / 1_000, 7_000_000_000_003L);

        assertThat(result).isEqualTo(-4_517_485_714_283_779L);
    }

    @Test
    void mulDivFloor_positiveProductBeyondLongRange_isExact() {
        long result = Arithmetic.mulDivFloor(MAX_TOKENS, YEAR_NANOS / 1_000, 7_000_000_000_003L);

        assertThat(result).isEqualTo(4_517_485_714_283_778L);
    }

    @Test
    void mulDivFloor_quotientOutsideLongRange_saturatesWithItsSign() {
        assertThat(Arithmetic.mulDivFloor(Long.MAX_VALUE, Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Arithmetic.mulDivFloor(Long.MIN_VALUE, Long.MAX_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(Arithmetic.mulDivFloor(Long.MIN_VALUE, 2, 2)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void mulDivFloor_randomOperandsOfBothSigns_matchBigInteger() {
        SeededRandom.run("ArithmeticTest#mulDivFloor_randomOperandsOfBothSigns_matchBigInteger", random -> {
            for (int i = 0; i < 20_000; i++) {
                long a = random.nextBoolean() ? operand(random) : -operand(random) - random.nextInt(2);
                long b = operand(random);
                long c = 1 + operand(random) % Long.MAX_VALUE;
                long expected = saturate(floor(big(a).multiply(big(b)), big(c)));
                assertThat(Arithmetic.mulDivFloor(a, b, c)).as("floor(%d * %d / %d)", a, b, c).isEqualTo(expected);
            }
        });
    }

    // ---- scaleCeil ----

    @Test
    void scaleCeil_randomOperands_matchBigInteger() {
        SeededRandom.run("ArithmeticTest#scaleCeil_randomOperands_matchBigInteger", random -> {
            for (int i = 0; i < 5_000; i++) {
                long a = operand(random);
                long b = operand(random);
                long c = operand(random);
                long d = 1 + operand(random) % Long.MAX_VALUE;
                long e = 1 + operand(random) % Long.MAX_VALUE;
                assertScaleCeilExact(a, b, c, d, e);
            }
        });
    }

    @Test
    void scaleCeil_reconcileSizedOperands_matchBigInteger() {
        // The operands reconcile passes: a backlog up to 100 years, refill amounts up to 10^15, periods up to a year.
        SeededRandom.run("ArithmeticTest#scaleCeil_reconcileSizedOperands_matchBigInteger", random -> {
            for (int i = 0; i < 20_000; i++) {
                long a = random.nextLong(2 * 50 * YEAR_NANOS);
                long b = 1 + random.nextLong(MAX_TOKENS);
                long c = 1_000 + random.nextLong(YEAR_NANOS);
                long d = 1_000 + random.nextLong(YEAR_NANOS);
                long e = 1 + random.nextLong(MAX_TOKENS);
                assertScaleCeilExact(a, b, c, d, e);
            }
        });
    }

    // ---- the 128-by-64-bit division ----

    @Test
    void divide_operandsAtKnuthCorrectionEdges_matchBigInteger() {
        // Divisors just above and below powers of two and high words just below the divisor are where the
        // estimated quotient digit needs its corrections.
        SeededRandom.run("ArithmeticTest#divide_operandsAtKnuthCorrectionEdges_matchBigInteger", random -> {
            for (int i = 0; i < 50_000; i++) {
                long divisor = edge(random, 1 + random.nextInt(63));
                long high = random.nextBoolean() ? divisor - 1 - random.nextLong(Math.min(divisor, 4))
                        : random.nextLong(divisor);
                long low = random.nextBoolean() ? random.nextLong() : edge(random, 1 + random.nextInt(64));
                BigInteger dividend = big(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
                BigInteger expected = dividend.divide(big(divisor));
                assertThat(new BigInteger(Long.toUnsignedString(Arithmetic.divide(high, low, divisor))))
                        .as("(%d, %d) / %d", high, low, divisor).isEqualTo(expected);
            }
        });
    }

    @Test
    void mulDivCeilFloorAndScaleCeil_productsBeyond64Bits_allocateNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 1; i <= 100_000; i++) {
            sink += Arithmetic.mulDivCeil(MAX_TOKENS, YEAR_NANOS + i, 7_000_000_000_000_003L);
            sink += Arithmetic.mulDivFloor(-MAX_TOKENS, YEAR_NANOS + i, 86_400_000_000_000L);
            sink += Arithmetic.scaleCeil(YEAR_NANOS, MAX_TOKENS, YEAR_NANOS, YEAR_NANOS - i, MAX_TOKENS);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // BigInteger took several objects per call (megabytes here); the bound leaves room for the JIT's own.
        assertThat(allocated).as("bytes allocated by 300,000 calls (sink %d)", sink).isLessThan(64 * 1024);
    }

    // ---- saturatedAdd ----

    @Test
    void saturatedAdd_overflowEitherWay_saturates() {
        assertThat(Arithmetic.saturatedAdd(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Arithmetic.saturatedAdd(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(Arithmetic.saturatedAdd(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(Arithmetic.saturatedAdd(Long.MIN_VALUE, Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void saturatedAdd_noOverflow_isPlainSum() {
        assertThat(Arithmetic.saturatedAdd(Long.MAX_VALUE, Long.MIN_VALUE)).isEqualTo(-1);
        assertThat(Arithmetic.saturatedAdd(Long.MAX_VALUE - 5, 5)).isEqualTo(Long.MAX_VALUE);
        assertThat(Arithmetic.saturatedAdd(-3, 10)).isEqualTo(7);
    }

    @Test
    void saturatedAdd_randomOperands_matchClampedBigInteger() {
        SeededRandom.run("ArithmeticTest#saturatedAdd_randomOperands_matchClampedBigInteger", random -> {
            for (int i = 0; i < 20_000; i++) {
                long a = random.nextLong();
                long b = random.nextBoolean() ? random.nextLong() : random.nextLong(-1_000, 1_000);
                assertThat(Arithmetic.saturatedAdd(a, b)).as("%d + %d", a, b)
                        .isEqualTo(saturate(big(a).add(big(b))));
            }
        });
    }

    // ---- conversions ----

    @Test
    void epochNanos_instant_countsNanosSinceEpoch() {
        assertThat(Arithmetic.epochNanos(Instant.parse("2026-01-01T00:00:00.000000007Z")))
                .isEqualTo(1_767_225_600_000_000_007L);
    }

    @Test
    void epochNanos_beyondYear2262_throwsInsteadOfWrapping() {
        assertThatThrownBy(() -> Arithmetic.epochNanos(Instant.parse("2263-01-01T00:00:00Z")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ceilSeconds_partialSecond_roundsUpAndZeroStaysZero() {
        assertThat(Arithmetic.ceilSeconds(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(Arithmetic.ceilSeconds(Duration.ofSeconds(6))).isEqualTo(6);
        assertThat(Arithmetic.ceilSeconds(Duration.ofSeconds(6).plusNanos(1))).isEqualTo(7);
        assertThat(Arithmetic.ceilSeconds(Duration.ZERO)).isZero();
    }

    /** Checks {@code scaleCeil} against the exact ceiling of {@code a*b*c / (d*e)}, saturated to a long. */
    private static void assertScaleCeilExact(long a, long b, long c, long d, long e) {
        BigInteger exact = ceil(big(a).multiply(big(b)).multiply(big(c)), big(d).multiply(big(e)));
        assertThat(Arithmetic.scaleCeil(a, b, c, d, e)).as("ceil(%d*%d*%d / (%d*%d))", a, b, c, d, e)
                .isEqualTo(saturate(exact));
    }

    /** A non-negative operand, biased towards the sizes where 64-bit products overflow. */
    private static long operand(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong(1_000);
            case 1 -> random.nextLong(1L << 32);
            case 2 -> random.nextLong(1L << (33 + random.nextInt(30)));
            default -> random.nextLong(Long.MAX_VALUE);
        };
    }

    /** A value near a power of two: {@code 2^bits} plus or minus a little, clamped to {@code [1, Long.MAX_VALUE]}. */
    private static long edge(SplittableRandom random, int bits) {
        long power = bits >= 63 ? Long.MAX_VALUE : 1L << bits;
        long near = power + random.nextLong(-3, 4);
        return near < 1 || (bits >= 63 && near < 0) ? Math.max(1, power) : near;
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private static BigInteger ceil(BigInteger numerator, BigInteger denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, RoundingMode.CEILING)
                .toBigIntegerExact();
    }

    private static BigInteger floor(BigInteger numerator, BigInteger denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, RoundingMode.FLOOR)
                .toBigIntegerExact();
    }

    private static long saturate(BigInteger value) {
        return value.max(LONG_MIN).min(LONG_MAX).longValueExact();
    }
}
