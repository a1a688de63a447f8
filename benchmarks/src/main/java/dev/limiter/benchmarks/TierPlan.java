package dev.limiter.benchmarks;

import dev.limiter.localstack.MotoEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs of a {@link LocalTierLoadBenchmark}, from its command line: for each engine of {@code --engines} and
 * scenario of {@code --scenarios}, steady demand ({@code --steady}) and demand over the limit ({@code --over}), each
 * with the tier off and on; then on the strict engine, the hot key at steady demand with every key throttled at
 * {@code --throttle-writes} writes per second (0 leaves those runs out), tier off and on. {@code --only TEXT} keeps
 * the runs whose name contains it (for example {@code "writes/s"}).
 */
final class TierPlan {

    private TierPlan() {
    }

    static List<TierRun> of(BenchOptions options) {
        List<MotoEngine> engines = new ArrayList<>();
        for (String name : options.text("engines", "serialized,strict").split(",")) {
            engines.add(MotoEngine.parse(name));
        }
        List<TierScenario> scenarios = new ArrayList<>();
        for (String label : options.text("scenarios", "hot-key,cascade").split(",")) {
            scenarios.add(TierScenario.parse(label.strip().toLowerCase(Locale.ROOT)));
        }
        double steady = options.decimal("steady", 0.8);
        double over = options.decimal("over", 1.5);
        int throttle = options.number("throttle-writes", 10);
        List<TierRun> runs = new ArrayList<>();
        for (MotoEngine engine : engines) {
            for (TierScenario scenario : scenarios) {
                for (double demand : new double[] {steady, over}) {
                    if (demand > 0) {
                        runs.add(new TierRun(engine, scenario, demand, false, 0));
                        runs.add(new TierRun(engine, scenario, demand, true, 0));
                    }
                }
            }
            if (engine == MotoEngine.STRICT && throttle > 0 && scenarios.contains(TierScenario.HOT_KEY)) {
                runs.add(new TierRun(engine, TierScenario.HOT_KEY, steady, false, throttle));
                runs.add(new TierRun(engine, TierScenario.HOT_KEY, steady, true, throttle));
            }
        }
        String only = options.text("only", "");
        List<TierRun> chosen = runs.stream().filter(run -> run.name().contains(only)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no runs: --steady and --over are both 0, or no run's name contains "
                    + "--only '" + only + "'");
        }
        return chosen;
    }
}
