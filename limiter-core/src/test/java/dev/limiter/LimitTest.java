package dev.limiter;

import dev.limiter.testkit.SeededRandom;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitTest {

    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final long BILLION = 1_000_000_000L;
    /** 10^15 tokens refilled 2 * 10^13 per 365 days: exactly 50 years of 365 days to refill from empty. */
    private static final long FIFTY_YEAR_REFILL_AMOUNT = 20_000_000_000_000L;

    // ---- one token per day ----

    @Test
    void costNanos_oneTokenPerDay_isExactlyOneDay() {
        Limit perDay = Limit.perDay("rpd", 1);

        assertThat(perDay.costNanos(1)).isEqualTo(DAY_NANOS);
        assertThat(perDay.toleranceNanos()).isEqualTo(DAY_NANOS);
    }

    @Test
    void tokensFor_oneTokenPerDay_buysTheTokenAtTheDayNotOneNanoEarlier() {
        Limit perDay = Limit.perDay("rpd", 1);

        assertThat(perDay.tokensFor(DAY_NANOS - 1)).isZero();
        assertThat(perDay.tokensFor(DAY_NANOS)).isEqualTo(1);
    }

    // ---- 10^9 tokens per second ----

    @Test
    void costNanos_billionPerSecond_oneTokenCostsOneNano() {
        Limit fast = Limit.perSecond("ops", BILLION);

        assertThat(fast.costNanos(1)).isEqualTo(1);
        assertThat(fast.costNanos(1_000_000)).isEqualTo(1_000_000);
        assertThat(fast.toleranceNanos()).isEqualTo(BILLION);
    }

    @Test
    void tokensFor_oneMilliAtBillionPerSecond_buysExactlyAMillion() {
        Limit fast = Limit.perSecond("ops", BILLION);

        assertThat(fast.tokensFor(Duration.ofMillis(1).toNanos())).isEqualTo(1_000_000);
    }

    // ---- long periods ----

    @Test
    void costNanos_perWeek_isExact() {
        Limit perWeek = Limit.of("rpw", 100, 11, Duration.ofDays(7));

        // A week is 604,800 s; 604,800 s / 11 = 54,981.818181... s, rounded up to the nanosecond.
        assertThat(perWeek.costNanos(1)).isEqualTo(54_981_818_181_819L);
        assertThat(perWeek.costNanos(11)).isEqualTo(7 * DAY_NANOS);
        assertThat(perWeek.toleranceNanos()).isEqualTo(5_498_181_818_181_819L);
    }

    @Test
    void costNanos_longestPeriod_isExact() {
        Limit yearly = Limit.of("rpy", 1, 1, Limit.MAX_PERIOD);

        assertThat(yearly.costNanos(1)).isEqualTo(366 * DAY_NANOS);
    }

    // ---- bounds ----

    @Test
    void new_maxTokensRefillingInExactlyFiftyYears_isAccepted() {
        Limit huge = Limit.of("big", Limit.MAX_TOKENS, FIFTY_YEAR_REFILL_AMOUNT, Duration.ofDays(365));

        assertThat(huge.toleranceNanos()).isEqualTo(Limit.MAX_REFILL_TIME.toNanos());
    }

    @Test
    void new_maxTokensRefillingJustOverFiftyYears_isRejectedShowingTheArithmetic() {
        assertThatThrownBy(() -> Limit.of("big", Limit.MAX_TOKENS, FIFTY_YEAR_REFILL_AMOUNT - 1, Duration.ofDays(365)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit 'big' takes PT438000H0.000078841S to refill from empty")
                .hasMessageContaining("capacity 1000000000000000 * period PT8760H / refill amount 19999999999999")
                .hasMessageContaining("must be at most PT438000H");
    }

    @Test
    void withBurst_sevenPerMinuteAtFiftyYearBound_acceptedJustUnderRejectedJustOver() {
        Limit sevenPerMinute = Limit.perMinute("rpm", 7);

        Limit largest = sevenPerMinute.withBurst(183_960_000);

        assertThat(largest.toleranceNanos()).isEqualTo(Limit.MAX_REFILL_TIME.toNanos());
        assertThatThrownBy(() -> sevenPerMinute.withBurst(183_960_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to refill from empty");
    }

    @Test
    void new_capacityOneAboveMaxTokens_isRejectedNamingTheBound() {
        assertThatThrownBy(() -> Limit.of("big", Limit.MAX_TOKENS + 1, Limit.MAX_TOKENS, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit 'big' capacity is 1000000000000001: must be between 1 and 1000000000000000");
    }

    @Test
    void new_refillAmountZero_isRejectedNamingIt() {
        assertThatThrownBy(() -> Limit.of("rpm", 10, 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit 'rpm' refill amount is 0: must be between 1 and 1000000000000000");
    }

    @Test
    void new_periodJustOutsideBounds_isRejectedNamingBoth() {
        assertThatThrownBy(() -> Limit.of("rpm", 1, 1, Limit.MIN_PERIOD.minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit 'rpm' refill period is PT0.000000999S: must be between PT0.000001S and PT8784H");
        assertThatThrownBy(() -> Limit.of("rpm", 1, 1, Limit.MAX_PERIOD.plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be between");
    }

    @Test
    void new_nullPeriod_isRejectedNamingIt() {
        assertThatThrownBy(() -> Limit.of("rpm", 1, 1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("limit 'rpm' refill period must not be null");
    }

    @Test
    void new_oneTokenPerNanosecondAtShortestPeriod_isAccepted() {
        Limit fastest = Limit.of("ops", 1_000, 1_000, Limit.MIN_PERIOD);

        assertThat(fastest.costNanos(1)).isEqualTo(1);
    }

    @Test
    void new_refillFasterThanOneTokenPerNanosecond_isRejected() {
        assertThatThrownBy(() -> Limit.perSecond("ops", BILLION + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit 'ops' refills 1000000001 tokens per PT1S")
                .hasMessageContaining("at most one token per nanosecond");
        assertThatThrownBy(() -> Limit.of("ops", 1_500_000, Limit.MAX_TOKENS, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most one token per nanosecond");
    }

    // ---- costs that are not whole nanoseconds ----

    @Test
    void costNanos_sevenPerMinute_neverBelowExactCostAndUnderOneNanoAbove() {
        Limit sevenPerMinute = Limit.perMinute("rpm", 7);
        BigInteger period = BigInteger.valueOf(sevenPerMinute.periodNanos());
        BigInteger rate = BigInteger.valueOf(7);

        for (long tokens = 1; tokens <= 50_000; tokens++) {
            assertCostIsCeilOfExact(sevenPerMinute, tokens, period, rate);
        }
        // 7 per minute may hold up to 50 years of refill, about 1.8 * 10^8 tokens.
        for (long tokens = 183_900_000; tokens <= 183_960_000; tokens++) {
            assertCostIsCeilOfExact(sevenPerMinute, tokens, period, rate);
        }
    }

    @Test
    void costNanos_randomLimitsAmountsUpToCapacity_isCeilOfExactRational() {
        SeededRandom.run("LimitTest#costNanos_randomLimitsAmountsUpToCapacity_isCeilOfExactRational", random -> {
            for (int i = 0; i < 10_000; i++) {
                Limit limit = randomLimit(random);
                long tokens = 1 + random.nextLong(limit.capacity());
                assertCostIsCeilOfExact(limit, tokens, BigInteger.valueOf(limit.periodNanos()),
                        BigInteger.valueOf(limit.refillAmount()));
            }
        });
    }

    @Test
    void tokensFor_costOfAnyAmount_buysBackExactlyThatAmountAndNotOneNanoEarlier() {
        SeededRandom.run("LimitTest#tokensFor_costOfAnyAmount_buysBackExactlyThatAmountAndNotOneNanoEarlier", random -> {
            for (int i = 0; i < 10_000; i++) {
                Limit limit = randomLimit(random);
                long tokens = 1 + random.nextLong(limit.capacity());
                long cost = limit.costNanos(tokens);
                assertThat(limit.tokensFor(cost)).as("%s buys with cost(%d)", limit, tokens).isEqualTo(tokens);
                assertThat(limit.tokensFor(cost - 1)).as("%s buys with cost(%d) - 1", limit, tokens)
                        .isEqualTo(tokens - 1);
            }
        });
    }

    @Test
    void costNanos_amountCostingMoreThanLongRange_saturatesInsteadOfWrapping() {
        Limit perDay = Limit.perDay("rpd", 1);

        assertThat(perDay.costNanos(Limit.MAX_TOKENS)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void tokensFor_negativeTime_roundsTowardsMinusInfinity() {
        Limit sevenPerMinute = Limit.perMinute("rpm", 7);

        assertThat(sevenPerMinute.tokensFor(-1)).isEqualTo(-1);
        assertThat(sevenPerMinute.tokensFor(-8_571_428_571L)).isEqualTo(-1);
        assertThat(sevenPerMinute.tokensFor(-8_571_428_572L)).isEqualTo(-2);
    }

    // ---- copies and descriptions ----

    @Test
    void withBurst_copy_changesCapacityOnly() {
        Limit tpm = Limit.perMinute("tpm", 10_000).withBurst(15_000);

        assertThat(tpm).isEqualTo(new Limit("tpm", 15_000, 10_000, Duration.ofMinutes(1)));
        assertThat(tpm.describe()).isEqualTo("10000/PT1M burst 15000");
        assertThat(Limit.perMinute("rpm", 100).describe()).isEqualTo("100/PT1M");
    }

    @Test
    void sameParameters_otherNameSameNumbers_isTrueAndOtherNumbersFalse() {
        Limit rpm = Limit.perMinute("rpm", 100);

        assertThat(rpm.sameParameters(rpm.withName("other"))).isTrue();
        assertThat(rpm.sameParameters(rpm.withBurst(101))).isFalse();
        assertThat(rpm.sameParameters(Limit.of("rpm", 100, 100, Duration.ofSeconds(61)))).isFalse();
    }

    @Test
    void tokensPerSecond_perMinute_isRateForDisplay() {
        assertThat(Limit.perMinute("rpm", 120).tokensPerSecond()).isEqualTo(2.0);
        assertThat(Limit.perHour("rph", 3_600).tokensPerSecond()).isEqualTo(1.0);
    }

    private static void assertCostIsCeilOfExact(Limit limit, long tokens, BigInteger period, BigInteger rate) {
        // cost * R >= tokens * P (never cheaper than exact) and (cost - 1) * R < tokens * P (under 1 ns above).
        BigInteger exact = BigInteger.valueOf(tokens).multiply(period);
        BigInteger cost = BigInteger.valueOf(limit.costNanos(tokens));
        assertThat(cost.multiply(rate)).as("cost(%d) of %s * R", tokens, limit).isGreaterThanOrEqualTo(exact);
        assertThat(cost.subtract(BigInteger.ONE).multiply(rate)).as("(cost(%d) - 1) of %s * R", tokens, limit)
                .isLessThan(exact);
    }

    /** A valid limit anywhere in the parameter space; draws again when the parameters are out of bounds. */
    static Limit randomLimit(SplittableRandom random) {
        while (true) {
            long periodNanos = Math.min(Limit.MAX_PERIOD.toNanos(),
                    Limit.MIN_PERIOD.toNanos() + random.nextLong(pow10(3 + random.nextInt(14))));
            long refill = 1 + random.nextLong(random.nextBoolean() ? 1_000 : pow10(1 + random.nextInt(15)));
            long capacity = 1 + random.nextLong(random.nextBoolean() ? 3 * refill : Limit.MAX_TOKENS);
            try {
                return Limit.of("l", capacity, refill, Duration.ofNanos(periodNanos));
            } catch (IllegalArgumentException outOfBounds) {
                // draw again
            }
        }
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
