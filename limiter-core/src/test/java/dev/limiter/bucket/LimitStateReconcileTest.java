package dev.limiter.bucket;

import dev.limiter.Limit;
import dev.limiter.testkit.SeededRandom;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LimitState#reconcile} and {@link LimitState#settle}: state written under parameters that changed since. */
class LimitStateReconcileTest {

    private static final long NOW = 1_767_225_600_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final Limit TEN_PER_MINUTE = Limit.perMinute("rpm", 10);
    private static final Limit SEVEN_PER_MINUTE = Limit.perMinute("rpm", 7);

    // ---- reconcile ----

    @Test
    void reconcile_equalParameters_isTheIdentity() {
        LimitState state = new LimitState(TEN_PER_MINUTE, NOW + 24 * SECOND, 4);

        LimitState reconciled = state.reconcile(Limit.perMinute("rpm", 10), NOW);

        assertThat(reconciled).isSameAs(state);
    }

    @Test
    void reconcile_sameParametersOtherName_relabelsKeepingTat() {
        LimitState state = new LimitState(TEN_PER_MINUTE, NOW + 24 * SECOND, 4);

        LimitState reconciled = state.reconcile(TEN_PER_MINUTE.withName("requests"), NOW);

        assertThat(reconciled).isEqualTo(new LimitState(TEN_PER_MINUTE.withName("requests"), NOW + 24 * SECOND, 4));
    }

    @Test
    void reconcile_fullBucket_keepsTatAndCounterUnderNewParameters() {
        LimitState full = new LimitState(TEN_PER_MINUTE, NOW - 5 * SECOND, 9);

        LimitState reconciled = full.reconcile(Limit.perSecond("rpm", 3), NOW);

        assertThat(reconciled).isEqualTo(new LimitState(Limit.perSecond("rpm", 3), NOW - 5 * SECOND, 9));
    }

    @Test
    void reconcile_largerCapacitySameRate_keepsBacklogSoTokensInUseStay() {
        LimitState state = LimitState.fresh(TEN_PER_MINUTE).charge(TEN_PER_MINUTE.costNanos(10), 10, NOW);

        LimitState reconciled = state.reconcile(TEN_PER_MINUTE.withBurst(20), NOW);

        assertThat(reconciled.backlogNanos(NOW)).isEqualTo(60 * SECOND);
        assertThat(reconciled.availableTokens(NOW)).isEqualTo(10);
    }

    @Test
    void reconcile_fasterRate_keepsTokensInUse() {
        // 4 tokens taken at 6 s each, 3 s ago: 3.5 tokens in use, a backlog of 21 s.
        LimitState state = LimitState.fresh(TEN_PER_MINUTE).charge(TEN_PER_MINUTE.costNanos(4), 4, NOW);
        long later = NOW + 3 * SECOND;

        LimitState reconciled = state.reconcile(Limit.perSecond("rpm", 5), later);

        // 3.5 tokens at 0.2 s each.
        assertThat(reconciled.backlogNanos(later)).isEqualTo(700_000_000L);
        assertThat(reconciled.availableTokens(later)).isEqualTo(1);
        assertThat(reconciled.consumedTokens()).isEqualTo(4);
    }

    @Test
    void reconcile_slowerRateAndSmallerCapacity_keepsTokensInUseAsDebt() {
        Limit twentyPerMinute = Limit.perMinute("rpm", 20);
        LimitState state = LimitState.fresh(twentyPerMinute).charge(twentyPerMinute.costNanos(15), 15, NOW);

        LimitState reconciled = state.reconcile(TEN_PER_MINUTE, NOW);

        // 15 tokens in use against a capacity of 10: 5 in debt, 90 s of backlog at 6 s each.
        assertThat(reconciled.backlogNanos(NOW)).isEqualTo(90 * SECOND);
        assertThat(reconciled.availableTokens(NOW)).isEqualTo(-5);
    }

    @Test
    void reconcile_thereAndBackWithExactCosts_restoresTheBacklog() {
        LimitState state = new LimitState(TEN_PER_MINUTE, NOW + 21 * SECOND, 4);

        LimitState roundTrip = state.reconcile(Limit.perSecond("rpm", 5), NOW).reconcile(TEN_PER_MINUTE, NOW);

        assertThat(roundTrip.tatNanos()).isEqualTo(state.tatNanos());
    }

    @Test
    void reconcile_hugeBacklogToMuchSlowerRate_capsAtMaxBacklog() {
        Limit fast = Limit.perSecond("rpm", 1_000_000_000L);
        LimitState state = new LimitState(fast, NOW + LimitState.MAX_BACKLOG_NANOS, 0);

        LimitState reconciled = state.reconcile(Limit.perDay("rpm", 1), NOW);

        assertThat(reconciled.backlogNanos(NOW)).isEqualTo(LimitState.MAX_BACKLOG_NANOS);
    }

    @Test
    void reconcile_randomParameters_neverFreesTokensAndRoundsUpByUnderOneNano() {
        SeededRandom.run("LimitStateReconcileTest#reconcile_randomParameters_neverFreesTokensAndRoundsUpByUnderOneNano",
                random -> {
                    for (int i = 0; i < 10_000; i++) {
                        Limit from = LimitStateTest.randomLimit(random);
                        Limit to = LimitStateTest.randomLimit(random);
                        long backlog = 1 + random.nextLong(from.toleranceNanos());
                        LimitState reconciled = new LimitState(from, NOW + backlog, 0).reconcile(to, NOW);
                        assertTokensInUseKept(from, backlog, to, reconciled.backlogNanos(NOW));
                    }
                });
    }

    /** Checks {@code newBacklog = ceil(backlog * R * P' / (P * R'))} unless capped, with exact arithmetic. */
    private static void assertTokensInUseKept(Limit from, long backlog, Limit to, long newBacklog) {
        BigInteger oldInUse = big(backlog).multiply(big(from.refillAmount())).multiply(big(to.periodNanos()));
        BigInteger scale = big(from.periodNanos()).multiply(big(to.refillAmount()));
        assertThat(newBacklog).isLessThanOrEqualTo(LimitState.MAX_BACKLOG_NANOS);
        if (newBacklog < LimitState.MAX_BACKLOG_NANOS) {
            assertThat(big(newBacklog).multiply(scale)).as("%d ns of %s as %d ns of %s", backlog, from, newBacklog, to)
                    .isGreaterThanOrEqualTo(oldInUse);
            assertThat(big(newBacklog - 1).multiply(scale)).as("%d ns of %s as %d ns of %s", backlog, from,
                    newBacklog, to).isLessThan(oldInUse);
        }
    }

    // ---- settle ----

    @Test
    void settle_chargeUnderGrantedParameters_addsTheGivenCost() {
        LimitState state = new LimitState(SEVEN_PER_MINUTE, NOW, 0);

        LimitState settled = state.settle(SEVEN_PER_MINUTE, 3, 12_345, NOW);

        assertThat(settled.tatNanos()).isEqualTo(NOW + 12_345);
        assertThat(settled.consumedTokens()).isEqualTo(3);
    }

    @Test
    void settle_chargeWithStaleParameters_recomputesCostUnderStoredOnesRoundingUp() {
        LimitState stored = new LimitState(SEVEN_PER_MINUTE, NOW, 0);

        LimitState settled = stored.settle(TEN_PER_MINUTE, 1, TEN_PER_MINUTE.costNanos(1), NOW);

        // 60 s / 7 = 8.571428571428... s, rounded up.
        assertThat(settled.tatNanos()).isEqualTo(NOW + 8_571_428_572L);
        assertThat(settled.limit()).isEqualTo(SEVEN_PER_MINUTE);
    }

    @Test
    void settle_refundWithStaleParameters_recomputesCostUnderStoredOnesRoundingDown() {
        LimitState stored = new LimitState(SEVEN_PER_MINUTE, NOW + 20 * SECOND, 2);

        LimitState settled = stored.settle(TEN_PER_MINUTE, -1, TEN_PER_MINUTE.costNanos(1), NOW);

        assertThat(settled.tatNanos()).isEqualTo(NOW + 20 * SECOND - 8_571_428_571L);
        assertThat(settled.consumedTokens()).isEqualTo(1);
    }

    @Test
    void settle_refundUnderGrantedParameters_givesBackTheGivenCost() {
        LimitState stored = new LimitState(TEN_PER_MINUTE, NOW + 20 * SECOND, 2);

        LimitState settled = stored.settle(TEN_PER_MINUTE.withName("other"), -2, 12 * SECOND, NOW);

        assertThat(settled.tatNanos()).isEqualTo(NOW + 8 * SECOND);
        assertThat(settled.consumedTokens()).isZero();
    }

    @Test
    void settle_chargeIntoDebtAfterIdle_startsFromNow() {
        LimitState idle = new LimitState(TEN_PER_MINUTE, NOW - Duration.ofHours(1).toNanos(), 10);

        LimitState settled = idle.settle(TEN_PER_MINUTE, 15, TEN_PER_MINUTE.costNanos(15), NOW);

        assertThat(settled.backlogNanos(NOW)).isEqualTo(90 * SECOND);
        assertThat(settled.availableTokens(NOW)).isEqualTo(-5);
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
