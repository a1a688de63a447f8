package dev.limiter.benchmarks;

import dev.limiter.localstack.EndpointKind;
import dev.limiter.localstack.MotoEngine;

import java.util.List;
import java.util.Locale;

/**
 * One run of {@link LocalTierLoadBenchmark}: an engine, a scenario, the demand as a share of the binding limit's
 * rate, the local tier off or on, and the strict engine's per-key write throttling (0 for DynamoDB's 1,000 write
 * units per second per key).
 *
 * @param engine         the serialised moto server or the strict engine
 * @param scenario       what the callers acquire
 * @param demand         the callers' total paced rate as a share of the limit's rate (0.8: 80 %)
 * @param tier           whether the workers' limiters have the local tier on
 * @param throttleWrites write units per second per key on the strict engine, 0 to leave DynamoDB's rate
 */
record TierRun(MotoEngine engine, TierScenario scenario, double demand, boolean tier, int throttleWrites) {

    TierRun {
        if (!(demand > 0)) {
            throw new IllegalArgumentException("demand must be above 0, got " + demand);
        }
        if (throttleWrites > 0 && engine != MotoEngine.STRICT) {
            throw new IllegalArgumentException("throttleWrites needs the strict engine, got " + engine);
        }
    }

    /** A readable name, for example {@code strict hot-key 80% tier on, 10 writes/s per key}. */
    String name() {
        String name = String.format(Locale.ROOT, "%s %s %.0f%% tier %s", engine.name().toLowerCase(Locale.ROOT),
                scenario.label(), demand * 100, tier ? "on" : "off");
        return throttleWrites > 0 ? name + ", " + throttleWrites + " writes/s per key" : name;
    }

    /** The same run with the tier off, whose cost a tier-on run is compared with. */
    TierRun withoutTier() {
        return new TierRun(engine, scenario, demand, false, throttleWrites);
    }

    /** The kind of endpoint the run's engine serves. */
    EndpointKind kind() {
        return engine == MotoEngine.STRICT ? EndpointKind.MOTO_STRICT : EndpointKind.MOTO;
    }

    /** Whether demand exceeds the limit, where admission efficiency is the measure. */
    boolean overLimit() {
        return demand > 1;
    }

    /** The arguments that pass this run to a worker. */
    List<String> toArgs() {
        return List.of("--engine", engine.name(), "--scenario", scenario.label(), "--demand", "" + demand,
                "--tier", "" + tier, "--throttle-writes", "" + throttleWrites);
    }

    /** The run a worker was given. */
    static TierRun of(BenchOptions options) {
        return new TierRun(MotoEngine.valueOf(options.text("engine", "SERIALIZED")),
                TierScenario.parse(options.text("scenario", "hot-key")), options.decimal("demand", 0.8),
                Boolean.parseBoolean(options.text("tier", "false")), options.number("throttle-writes", 0));
    }
}
