package dev.limiter.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The results of {@link DynamoDbLatencyBenchmark} as a markdown table and JSON, with each contender's p50 and
 * throughput as ratios to the bare write at the same client count, and the goal (p50 at most 1.15 times the bare
 * write's, throughput at least 0.9 times) checked for the plain acquire.
 *
 * @param options the options of the run
 * @param results every contender at every client count, the bare write first within each count
 */
record LatencyReport(LatencyOptions options, List<LatencyResult> results) {

    /** The goal for the plain acquire: p50 at most this multiple of the bare write's. */
    static final double P50_GOAL = 1.15;
    /** The goal for the plain acquire: throughput at least this fraction of the bare write's. */
    static final double THROUGHPUT_GOAL = 0.9;

    LatencyReport {
        results = List.copyOf(results);
    }

    /** The table and the goal check, as markdown. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| contender | clients | ops | ops/s | requests/op | client CPU µs/op | p50 µs | p90 µs "
                + "| p99 µs | max µs | p50 × bare | ops/s × bare |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LatencyResult result : results) {
            out.append(result.markdownRow(bareFor(result))).append('\n');
        }
        out.append('\n');
        for (LatencyResult result : results) {
            out.append(verdict(result, bareFor(result)));
        }
        return out.toString();
    }

    /** Writes {@code dynamodb-latency.md} and {@code dynamodb-latency.json} into {@code directory}. */
    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve("dynamodb-latency.md");
        Path json = directory.resolve("dynamodb-latency.json");
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        Files.writeString(json, json(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + markdown + " and " + json);
    }

    private String json() {
        StringJoiner rows = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        for (LatencyResult result : results) {
            rows.add(result.toJson(bareFor(result)));
        }
        return String.format(Locale.ROOT, "{\n  \"benchmark\": \"DynamoDbLatencyBenchmark\",\n  \"date\": \"%s\",\n"
                        + "  \"measureSeconds\": %d,\n  \"warmUpSeconds\": %d,\n  \"roundMillis\": %d,\n"
                        + "  \"processors\": %d,\n  \"java\": \"%s\",\n  \"results\": %s\n}\n",
                Instant.now(), options.measure().toSeconds(), options.warmUp().toSeconds(), options.round().toMillis(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), rows);
    }

    private String verdict(LatencyResult result, LatencyResult bare) {
        if (result == bare) {
            return "";
        }
        double p50 = (double) result.p50Micros() / bare.p50Micros();
        double throughput = result.opsPerSecond() / bare.opsPerSecond();
        if (result.contender().endsWith("adjust")) {
            return String.format(Locale.ROOT, "- %d client(s), %s: p50 %.2f × two bare writes, throughput %.2f × "
                    + "half the bare write's%n", result.clients(), result.contender(), p50 / 2, throughput * 2);
        }
        return String.format(Locale.ROOT, "- %d client(s), %s: p50 %.2f × bare (goal ≤ %.2f: %s), throughput "
                        + "%.2f × bare (goal ≥ %.2f: %s)%n", result.clients(), result.contender(), p50, P50_GOAL,
                p50 <= P50_GOAL ? "met" : "missed", throughput, THROUGHPUT_GOAL,
                throughput >= THROUGHPUT_GOAL ? "met" : "missed");
    }

    private LatencyResult bareFor(LatencyResult result) {
        List<LatencyResult> sameCount = new ArrayList<>();
        for (LatencyResult candidate : results) {
            if (candidate.clients() == result.clients()) {
                sameCount.add(candidate);
            }
        }
        return sameCount.get(0);
    }
}
