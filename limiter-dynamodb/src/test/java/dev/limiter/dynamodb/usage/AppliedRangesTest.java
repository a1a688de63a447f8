package dev.limiter.dynamodb.usage;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppliedRangesTest {

    private static final AppliedRanges NONE = AppliedRanges.of(Map.of());

    @Test
    void with_runContinuingTheLastByFingerprint_mergesIntoOne() {
        AppliedRanges state = NONE.with(run(10, "a", 20, "b")).with(run(35, "b", 40, "c"));

        assertThat(state.runs()).containsExactly(run(10, "a", 40, "c"));
        assertThat(state.gaps()).isZero();
    }

    @Test
    void with_runAfterAnUnknownStretch_keepsTwoRunsAndOneGap() {
        AppliedRanges state = NONE.with(run(10, "a", 20, "b")).with(run(35, "x", 40, "c"));

        assertThat(state.runs()).hasSize(2);
        assertThat(state.gaps()).isEqualTo(1);
        assertThat(state.covers(BigInteger.valueOf(30))).isFalse();
        assertThat(state.covers(BigInteger.valueOf(35))).isTrue();
    }

    @Test
    void with_runFillingTheGap_mergesAllThree() {
        AppliedRanges state = NONE.with(run(10, "a", 20, "b")).with(run(35, "x", 40, "c"))
                .with(run(25, "b", 30, "x"));

        assertThat(state.runs()).containsExactly(run(10, "a", 40, "c"));
    }

    @Test
    void with_overlappingRun_spansBoth() {
        AppliedRanges state = NONE.with(run(10, "a", 20, "b")).with(run(15, "q", 30, "c"));

        assertThat(state.runs()).containsExactly(run(10, "a", 30, "c"));
    }

    @Test
    void with_unknownFingerprints_neverJoinWithoutOverlap() {
        AppliedRanges state = NONE.with(run(10, "a", 20, AppliedRange.UNKNOWN))
                .with(run(30, AppliedRange.UNKNOWN, 40, "c"));

        assertThat(state.gaps()).isEqualTo(1);
    }

    @Test
    void decode_encodedRun_roundTrips() {
        AppliedRange run = run(4_900_000_000_012_345L, "Ab-_", 4_900_000_000_012_399L, "zz");

        assertThat(AppliedRange.decode(run.encode())).isEqualTo(run);
    }

    @Test
    void decode_malformedRun_namesTheForm() {
        assertThatThrownBy(() -> AppliedRange.decode("12:a:b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low:lowBefore:high:highAfter");
    }

    private static AppliedRange run(long low, String before, long high, String after) {
        return new AppliedRange(BigInteger.valueOf(low), before, BigInteger.valueOf(high), after);
    }
}
