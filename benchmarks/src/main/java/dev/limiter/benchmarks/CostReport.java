package dev.limiter.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

/**
 * The results of {@link DynamoDbCostBenchmark} as a markdown table and JSON: ours measured, zae-limiter's from
 * REFERENCE.md in the last two columns.
 *
 * @param results one per scenario, in the order run
 */
record CostReport(List<CostResult> results) {

    CostReport {
        results = List.copyOf(results);
    }

    /** The table, as markdown. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | granted/acquires | requests per acquire | reads per acquire | item bytes "
                + "| WCU per acquire | RCU per acquire | $ per million acquires "
                + "| zae-limiter requests (published/derived, not measured) "
                + "| zae-limiter WCU (published/derived, not measured) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (CostResult result : results) {
            out.append(result.markdownRow()).append('\n');
        }
        out.append("\nPrices: on-demand, us-east-1, $").append(Bill.DOLLARS_PER_MILLION_WRITE_UNITS)
                .append(" per million write units and $").append(Bill.DOLLARS_PER_MILLION_READ_UNITS)
                .append(" per million read units.\n");
        return out.toString();
    }

    /** Writes {@code dynamodb-cost.md} and {@code dynamodb-cost.json} into {@code directory}. */
    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        StringJoiner rows = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        results.forEach(result -> rows.add(result.toJson()));
        String json = "{\n  \"benchmark\": \"DynamoDbCostBenchmark\",\n  \"date\": \"" + Instant.now() + "\",\n"
                + "  \"dollarsPerMillionWriteUnits\": " + Bill.DOLLARS_PER_MILLION_WRITE_UNITS + ",\n"
                + "  \"dollarsPerMillionReadUnits\": " + Bill.DOLLARS_PER_MILLION_READ_UNITS + ",\n"
                + "  \"results\": " + rows + "\n}\n";
        Path markdown = directory.resolve("dynamodb-cost.md");
        Path jsonFile = directory.resolve("dynamodb-cost.json");
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        Files.writeString(jsonFile, json, StandardCharsets.UTF_8);
        System.out.println("Wrote " + markdown + " and " + jsonFile);
    }
}
