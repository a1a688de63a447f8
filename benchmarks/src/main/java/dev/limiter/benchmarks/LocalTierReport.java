package dev.limiter.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The results of {@link LocalTierLoadBenchmark} as a markdown table and JSON ({@code local-tier.md},
 * {@code local-tier.json}), each tier-on run's cost next to the same run with the tier off.
 *
 * @param settings the runs' shared parameters
 * @param results  one per run, in the order run
 */
record LocalTierReport(TierSettings settings, List<TierRunResult> results) {

    LocalTierReport {
        results = List.copyOf(results);
    }

    String markdown() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d processes x %d callers, %d s per run, "
                        + "limit rps %d/s (capacity %d); tier on: batch %d ms, allowance %s of capacity per process, "
                        + "hold %d ms\n\n", settings.processes(), settings.callers(), settings.seconds(),
                settings.rate(), settings.rate(), settings.batchMillis(), settings.share(), settings.holdMillis()));
        out.append("| run | T (s) | acquires | granted | served locally | requests per acquire (target tier on ≤ 0.1) "
                + "| efficiency (target ≥ 0.9 over the limit) | window violations (target 0) | granted/s "
                + "| throttling errors surfaced (target 0) | unavailable | engine throttles | $ per million acquires "
                + "| cost vs tier off (target ≤ 0.1) | table consumed (= granted) | failed settles |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TierRunResult result : results) {
            out.append(result.markdownRow(costRatio(result))).append('\n');
        }
        out.append("\nPrices: on-demand, us-east-1, $").append(Bill.DOLLARS_PER_MILLION_WRITE_UNITS)
                .append(" per million write units and $").append(Bill.DOLLARS_PER_MILLION_READ_UNITS)
                .append(" per million read units; every bucket item is under 1 KB. The window bound's slack is the "
                        + "hold (" + settings.holdMillis() + " ms) with the tier on, 0 with it off.\n");
        return out.toString();
    }

    /** The run's cost per acquire over its tier-off twin's, or {@code -} when there is none (or it is the twin). */
    String costRatio(TierRunResult result) {
        if (!result.run().tier()) {
            return "-";
        }
        for (TierRunResult other : results) {
            if (other.run().equals(result.run().withoutTier()) && other.dollarsPerMillionAcquires() > 0) {
                return String.format(Locale.ROOT, "%.3f",
                        result.dollarsPerMillionAcquires() / other.dollarsPerMillionAcquires());
            }
        }
        return "-";
    }

    /** Writes {@code local-tier.md} and {@code local-tier.json} into {@code directory}. */
    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        StringJoiner rows = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        results.forEach(result -> rows.add(result.toJson()));
        String json = "{\n  \"benchmark\": \"LocalTierLoadBenchmark\",\n  \"date\": \"" + Instant.now() + "\",\n"
                + "  \"settings\": \"" + String.join(" ", settings.toArgs()) + "\",\n"
                + "  \"dollarsPerMillionWriteUnits\": " + Bill.DOLLARS_PER_MILLION_WRITE_UNITS + ",\n"
                + "  \"dollarsPerMillionReadUnits\": " + Bill.DOLLARS_PER_MILLION_READ_UNITS + ",\n"
                + "  \"runs\": " + rows + "\n}\n";
        Path markdown = directory.resolve("local-tier.md");
        Path jsonFile = directory.resolve("local-tier.json");
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        Files.writeString(jsonFile, json, StandardCharsets.UTF_8);
        System.out.println("Wrote " + markdown + " and " + jsonFile);
    }
}
