package dev.limiter.benchmarks;

import dev.limiter.Limit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionWindowsTest {

    private static final long MILLI = 1_000_000L;
    /** 10 tokens per second, capacity 10. */
    private static final Limit TEN_PER_SECOND = Limit.perSecond("rps", 10);

    @Test
    void violations_fullBucketThenTheRefillRate_none() {
        List<long[]> grants = instants(10, 0, 0);
        grants.addAll(instants(20, 100 * MILLI, 100 * MILLI));

        assertThat(AdmissionWindows.violations(grants, TEN_PER_SECOND, 0)).isZero();
    }

    @Test
    void violations_oneGrantAboveCapacity_countsEveryStartOfTheWindow() {
        List<long[]> grants = instants(11, 0, 0);

        assertThat(AdmissionWindows.violations(grants, TEN_PER_SECOND, 0)).isEqualTo(11);
    }

    @Test
    void violations_refillFasterThanTheRate_countsTheWindowsThatExceed() {
        List<long[]> grants = instants(10, 0, 0);
        grants.addAll(instants(3, 10 * MILLI, 10 * MILLI)); // 3 more within 30 ms: at most 0 refilled

        assertThat(AdmissionWindows.violations(grants, TEN_PER_SECOND, 0)).isEqualTo(10);
    }

    @Test
    void violations_slackOfAHold_allowsTheRateOverTheHold() {
        List<long[]> held = instants(15, 0, 0); // 10 + 10/s · 0.5 s

        assertThat(AdmissionWindows.violations(held, TEN_PER_SECOND, 500 * MILLI)).isZero();
        held.add(new long[] {0, 0});
        assertThat(AdmissionWindows.violations(held, TEN_PER_SECOND, 500 * MILLI)).isEqualTo(16);
    }

    @Test
    void violations_grantsWhoseIntervalLeavesTheWindow_areNotChargedToIt() {
        List<long[]> grants = instants(10, 0, 0);
        grants.add(new long[] {0, 1_000 * MILLI}); // admitted somewhere in [0, 1 s]: maybe after a refill

        assertThat(AdmissionWindows.violations(grants, TEN_PER_SECOND, 0)).isZero();
    }

    /** {@code count} grants, each admitted in the instant {@code step} after the previous, from {@code first}. */
    private static List<long[]> instants(int count, long first, long step) {
        List<long[]> grants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long at = first + i * step;
            grants.add(new long[] {at, at});
        }
        return grants;
    }
}
