package dev.limiter.bucket;

import dev.limiter.Limit;
import dev.limiter.testkit.ReferenceBucket;
import dev.limiter.testkit.SeededRandom;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitStateTest {

    /** 2026-01-01T00:00:00Z in nanoseconds since the epoch. */
    private static final long NOW = 1_767_225_600_000_000_000L;
    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();

    // ---- extremes ----

    @Test
    void admits_oneTokenPerDayAfterTakingIt_exactlyADayLaterNotOneNanoEarlier() {
        Limit perDay = Limit.perDay("rpd", 1);
        LimitState taken = LimitState.fresh(perDay).charge(perDay.costNanos(1), 1, NOW);

        boolean early = taken.admits(1, NOW + DAY_NANOS - 1);
        boolean onTime = taken.admits(1, NOW + DAY_NANOS);

        assertThat(early).isFalse();
        assertThat(onTime).isTrue();
    }

    @Test
    void availableTokens_billionPerSecondOneMilliAfterEmptying_isExactlyOneMillion() {
        Limit fast = Limit.perSecond("ops", 1_000_000_000L);
        LimitState empty = LimitState.fresh(fast).charge(fast.toleranceNanos(), 1_000_000_000L, NOW);
        long later = NOW + Duration.ofMillis(1).toNanos();

        long available = empty.availableTokens(later);

        assertThat(available).isEqualTo(1_000_000);
        assertThat(empty.admits(1_000_000, later)).isTrue();
        assertThat(empty.admits(1_000_001, later)).isFalse();
    }

    @Test
    void retryAfterNanos_weeklyLimitEmptied_isExactlyOneTokensShareOfTheWeek() {
        Limit perWeek = Limit.of("rpw", 11, 11, Duration.ofDays(7));
        LimitState empty = LimitState.fresh(perWeek).charge(perWeek.toleranceNanos(), 11, NOW);

        long wait = empty.retryAfterNanos(1, NOW);

        // 604,800 s / 11, rounded up to the nanosecond.
        assertThat(wait).isEqualTo(54_981_818_181_819L);
        assertThat(empty.admits(1, NOW + wait - 1)).isFalse();
        assertThat(empty.admits(1, NOW + wait)).isTrue();
    }

    @Test
    void availableTokens_freshBucketOfAnyValidLimit_isExactlyCapacity() {
        SeededRandom.run("LimitStateTest#availableTokens_freshBucketOfAnyValidLimit_isExactlyCapacity", random -> {
            for (int i = 0; i < 10_000; i++) {
                Limit limit = randomLimit(random);
                assertThat(LimitState.fresh(limit).availableTokens(NOW)).as("available in a fresh %s", limit)
                        .isEqualTo(limit.capacity());
            }
        });
    }

    // ---- retry-after and available tokens ----

    @Test
    void retryAfterNanos_randomStates_isTheExactWaitUntilAdmitted() {
        SeededRandom.run("LimitStateTest#retryAfterNanos_randomStates_isTheExactWaitUntilAdmitted", random -> {
            for (int i = 0; i < 5_000; i++) {
                Limit limit = randomLimit(random);
                LimitState state = new LimitState(limit, NOW + random.nextLong(2 * limit.toleranceNanos() + 1), 0);
                long tokens = 1 + random.nextLong(limit.capacity());
                long wait = state.retryAfterNanos(tokens, NOW);
                assertThat(state.admits(tokens, NOW + wait)).as("%s admits after %d ns", state, wait).isTrue();
                if (wait > 0) {
                    assertThat(state.admits(tokens, NOW + wait - 1)).as("%s admits 1 ns early", state).isFalse();
                }
            }
        });
    }

    @Test
    void availableTokens_randomStates_agreeWithAdmissionOfEveryAmount() {
        SeededRandom.run("LimitStateTest#availableTokens_randomStates_agreeWithAdmissionOfEveryAmount", random -> {
            for (int i = 0; i < 5_000; i++) {
                Limit limit = randomLimit(random);
                LimitState state = new LimitState(limit, NOW + random.nextLong(limit.toleranceNanos() + 1), 0);
                long available = state.availableTokens(NOW);
                long tokens = 1 + random.nextLong(limit.capacity());
                assertThat(state.admits(tokens, NOW)).as("%s admits %d, available %d", state,
                        tokens, available).isEqualTo(tokens <= available);
            }
        });
    }

    @Test
    void availableTokens_inDebt_isNegativeAndRoundsTowardsMinusInfinity() {
        Limit rpm = Limit.perMinute("rpm", 10);
        LimitState inDebt = LimitState.fresh(rpm).charge(rpm.costNanos(13), 13, NOW);
        long oneTokenLater = NOW + Duration.ofSeconds(6).toNanos();

        assertThat(inDebt.availableTokens(NOW)).isEqualTo(-3);
        assertThat(inDebt.availableTokens(NOW + 1)).isEqualTo(-3);
        assertThat(inDebt.availableTokens(oneTokenLater - 1)).isEqualTo(-3);
        assertThat(inDebt.availableTokens(oneTokenLater)).isEqualTo(-2);
    }

    @Test
    void availableTokens_fractionalDebt_roundsDown() {
        Limit sevenPerMinute = Limit.perMinute("rpm", 7);
        LimitState oneNanoShort = new LimitState(sevenPerMinute, NOW + sevenPerMinute.toleranceNanos() + 1, 7);

        assertThat(oneNanoShort.availableTokens(NOW)).isEqualTo(-1);
    }

    // ---- backlog cap and overflow ----

    @Test
    void charge_saturatingCostAndTokens_capsBacklogAndCounterWithoutOverflow() {
        Limit perDay = Limit.perDay("rpd", 1);

        LimitState charged = new LimitState(perDay, NOW, Long.MAX_VALUE - 1)
                .charge(Long.MAX_VALUE, Long.MAX_VALUE, NOW);

        assertThat(charged.tatNanos()).isEqualTo(NOW + LimitState.MAX_BACKLOG_NANOS);
        assertThat(charged.consumedTokens()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void charge_atBacklogCap_staysAtTheCapAndNeverMovesBack() {
        Limit perDay = Limit.perDay("rpd", 1);
        LimitState capped = LimitState.fresh(perDay).charge(Long.MAX_VALUE, 1, NOW);

        LimitState again = capped.charge(Limit.MAX_REFILL_TIME.toNanos(), 1, NOW);

        assertThat(again.tatNanos()).isEqualTo(capped.tatNanos());
        assertThat(again.backlogNanos(NOW)).isEqualTo(LimitState.MAX_BACKLOG_NANOS);
    }

    @Test
    void availableTokens_atBacklogCap_isDebtOfTheCapNotOverflow() {
        Limit perDay = Limit.perDay("rpd", 1);
        LimitState capped = LimitState.fresh(perDay).charge(Long.MAX_VALUE, 1, NOW);

        // The cap is 100 years of 365 days; a full bucket holds one day, so the debt is 36,499 tokens.
        assertThat(capped.availableTokens(NOW)).isEqualTo(1 - 36_500);
        assertThat(capped.retryAfterNanos(1, NOW)).isEqualTo(LimitState.MAX_BACKLOG_NANOS);
    }

    @Test
    void charge_largestLegalLimitAndAmount_isExact() {
        Limit huge = Limit.of("big", Limit.MAX_TOKENS, 20_000_000_000_000L, Duration.ofDays(365));

        LimitState charged = LimitState.fresh(huge).charge(huge.costNanos(Limit.MAX_TOKENS), Limit.MAX_TOKENS, NOW);

        assertThat(charged.backlogNanos(NOW)).isEqualTo(Limit.MAX_REFILL_TIME.toNanos());
        assertThat(charged.availableTokens(NOW)).isZero();
        assertThat(charged.availableTokens(NOW + Limit.MAX_REFILL_TIME.toNanos())).isEqualTo(Limit.MAX_TOKENS);
    }

    @Test
    void refund_moreThanBacklog_stopsAtTheEpochAndDecrementsTheCounter() {
        Limit rpm = Limit.perMinute("rpm", 10);
        LimitState charged = LimitState.fresh(rpm).charge(rpm.costNanos(2), 2, NOW);

        LimitState refunded = charged.refund(Long.MAX_VALUE, 2);

        assertThat(refunded.tatNanos()).isZero();
        assertThat(refunded.availableTokens(NOW)).isEqualTo(10);
        assertThat(refunded.consumedTokens()).isZero();
    }

    @Test
    void new_negativeTat_isRejectedNamingIt() {
        assertThatThrownBy(() -> new LimitState(Limit.perMinute("rpm", 1), -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tatNanos must not be negative, got -1");
    }

    // ---- never more than the exact bucket ----

    @Test
    void admits_randomSequencesWithWholeTolerance_neverAdmitsMoreThanExactBucket() {
        SeededRandom.run("LimitStateTest#admits_randomSequencesWithWholeTolerance_neverAdmitsMoreThanExactBucket",
                random -> {
                    for (int sequence = 0; sequence < 200; sequence++) {
                        Limit limit = wholeToleranceLimit(random);
                        assertNeverAdmitsMoreThanExact(limit, random);
                    }
                });
    }

    @Test
    void admits_burstAboveRateWithFractionalCosts_neverAdmitsMoreThanExactBucket() {
        // Regression: 7 per minute with a burst of 10 used to admit 2 tokens 1 ns before the exact bucket had them.
        Limit odd = Limit.perMinute("tpm", 7).withBurst(10);
        LimitState nine = LimitState.fresh(odd).charge(odd.costNanos(9), 9, NOW);

        boolean early = nine.admits(2, NOW + 8_571_428_571L);

        assertThat(early).isFalse();
        assertThat(new ReferenceBucket(odd, NOW).has(10, NOW)).isTrue();
        ReferenceBucket exact = new ReferenceBucket(odd, NOW);
        exact.take(9, NOW);
        assertThat(exact.has(2, NOW + 8_571_428_571L)).as("the exact bucket at that instant").isFalse();
        SeededRandom.run("LimitStateTest#admits_burstAboveRateWithFractionalCosts_neverAdmitsMoreThanExactBucket",
                random -> {
                    for (int sequence = 0; sequence < 200; sequence++) {
                        long rate = 1 + random.nextInt(50);
                        Limit limit = Limit.of("x", rate + random.nextInt(50), rate,
                                Duration.ofNanos(1_000 + random.nextLong(10_000_000_000L)));
                        assertNeverAdmitsMoreThanExact(limit, random);
                    }
                });
    }

    private static void assertNeverAdmitsMoreThanExact(Limit limit, SplittableRandom random) {
        LimitState state = LimitState.fresh(limit);
        ReferenceBucket exact = new ReferenceBucket(limit, NOW);
        long now = NOW;
        for (int i = 0; i < 300; i++) {
            now += random.nextLong(2 * limit.costNanos(1) + 1);
            long tokens = 1 + random.nextLong(limit.capacity());
            if (state.admits(tokens, now)) {
                assertThat(exact.has(tokens, now)).as("exact %s has %d at step %d", limit, tokens, i).isTrue();
                state = state.charge(limit.costNanos(tokens), tokens, now);
                exact.take(tokens, now);
            }
        }
    }

    /** A limit whose costs are not whole nanoseconds but whose tolerance {@code C * P / R} is. */
    private static Limit wholeToleranceLimit(SplittableRandom random) {
        long refill = 1 + random.nextLong(1_000);
        long periodNanos = 1_000 + random.nextLong(1_000_000);
        long capacity = refill * (1 + random.nextLong(3));
        return Limit.of("l", capacity, refill, Duration.ofNanos(Math.max(periodNanos, refill)));
    }

    /** A valid limit anywhere in the parameter space: periods and rates spread over all orders of magnitude. */
    static Limit randomLimit(SplittableRandom random) {
        while (true) {
            long periodNanos = Math.min(Limit.MAX_PERIOD.toNanos(),
                    Limit.MIN_PERIOD.toNanos() + random.nextLong(BigInteger.TEN.pow(3 + random.nextInt(14)).longValueExact()));
            long refill = 1 + random.nextLong(BigInteger.TEN.pow(random.nextInt(16)).longValueExact());
            long capacity = 1 + random.nextLong(random.nextBoolean() ? 3 * refill : Limit.MAX_TOKENS);
            try {
                return Limit.of("l", capacity, refill, Duration.ofNanos(periodNanos));
            } catch (IllegalArgumentException outOfBounds) {
                // draw again
            }
        }
    }
}
