package dev.limiter.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * DynamoDB requests, reads, item sizes and write units per acquire, for each hot-path scenario
 * ({@link CostScenarios}): one limit, two limits, cascades of depth 2 and 3, a contended key under and over its
 * limit, a rejection, commits with adjustments, and the first acquire of a new entity. Requests are counted per HTTP
 * attempt by an SDK interceptor ({@link RequestLog}) against its own {@code moto_server} on a free loopback port
 * (stopped before returning); units follow DynamoDB's billing rules ({@link Bill}), on-demand prices from
 * REFERENCE.md. zae-limiter's published or derived per-path figures are printed beside ours, labelled as such.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.limiter.benchmarks.DynamoDbCostBenchmark [--out DIR]
 * </pre>
 *
 * Writes {@code dynamodb-cost.md} and {@code dynamodb-cost.json} under {@code --out} (default
 * {@code benchmarks/target}).
 */
public final class DynamoDbCostBenchmark {

    private DynamoDbCostBenchmark() {
    }

    /**
     * Runs every scenario once and reports.
     *
     * @param args {@code --out DIR}, optional
     * @throws IOException if the result files cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path output = Path.of("benchmarks", "target");
        if (args.length == 2 && args[0].equals("--out")) {
            output = Path.of(args[1]);
        } else if (args.length != 0) {
            throw new IllegalArgumentException("usage: DynamoDbCostBenchmark [--out DIR]");
        }
        RequestLog log = new RequestLog();
        List<CostResult> results;
        try (MotoTable table = MotoTable.start(log)) {
            results = new CostScenarios(table, log).runAll();
        }
        CostReport report = new CostReport(results);
        System.out.println(report.markdown());
        report.write(output);
    }
}
