package dev.limiter.benchmarks;

import dev.limiter.localstack.MotoEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TierRunResultTest {

    private static final TierRun OFF = new TierRun(MotoEngine.SERIALIZED, TierScenario.HOT_KEY, 0.8, false, 0);
    private static final TierRun ON = new TierRun(MotoEngine.SERIALIZED, TierScenario.HOT_KEY, 0.8, true, 0);

    @Test
    void efficiency_grantsOverCapacityPlusRateTimesT() {
        // 200 + 200/s · 15 s = 3,200 admissible
        assertThat(TierRunResult.efficiency(2_880, 200, 200, 15)).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void dollarsPerMillionAcquires_writeUnitsPerAcquireAtOnDemandPrices() {
        TierRunResult result = result(ON, 1_000, 50, 50);

        assertThat(result.requestsPerAcquire()).isCloseTo(0.05, within(1e-9));
        assertThat(result.dollarsPerMillionAcquires()).isCloseTo(0.05 * 0.625, within(1e-9));
    }

    @Test
    void costRatio_tierOnRun_comparesWithItsTierOffTwin() {
        LocalTierReport report = report(List.of(result(OFF, 1_000, 1_100, 1_100), result(ON, 1_000, 55, 55)));

        assertThat(report.costRatio(report.results().get(1))).isEqualTo("0.050");
        assertThat(report.costRatio(report.results().get(0))).isEqualTo("-");
    }

    @Test
    void costRatio_withoutATierOffTwin_isADash() {
        LocalTierReport report = report(List.of(result(ON, 1_000, 55, 55)));

        assertThat(report.costRatio(report.results().get(0))).isEqualTo("-");
    }

    @Test
    void toJson_carriesTheFieldsScriptsCheck() {
        String json = result(ON, 1_000, 50, 50).toJson();

        assertThat(json).contains("\"requestsPerAcquire\": 0.0500", "\"efficiency\": ", "\"violations\": 0",
                "\"grantedPerSecond\": 60.00", "\"dollarsPerMillionAcquires\": 0.0313");
    }

    private static TierRunResult result(TierRun run, long attempts, long requests, double writeUnits) {
        return new TierRunResult(run, attempts, 900, run.tier() ? 850 : 0, 0, 0, requests, writeUnits, 0, 0, 15,
                200, 200, Map.of(), 900, -1, 0);
    }

    private static LocalTierReport report(List<TierRunResult> results) {
        return new LocalTierReport(TierSettings.of(BenchOptions.parse(new String[0])), results);
    }
}
