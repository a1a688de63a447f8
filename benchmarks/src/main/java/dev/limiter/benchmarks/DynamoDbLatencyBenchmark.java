package dev.limiter.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Acquire latency and throughput of the DynamoDB backend against moto on loopback, next to the physical floor of
 * its design: a bare {@code UpdateItem} with the same expression on the same server and async client.
 *
 * <p>Contenders ({@link BareUpdate}, {@link LimiterAcquire}): {@code bare UpdateItem}; {@code limiter acquire}
 * (acquire and commit of {@code rpm: 1}, {@code tpm: 500}, one write); {@code limiter acquire+adjust} (an adjusted
 * commit, two writes). They run in alternating rounds of 500 ms ({@link InterleavedRun}) for each client count, each
 * client on its own bucket (uncontended). It starts its own {@code moto_server} on a free loopback port and stops it
 * before returning; the run lasts about {@code (warm-up + seconds) × contenders × client counts}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.limiter.benchmarks.DynamoDbLatencyBenchmark --seconds 20 --clients 1,8
 * </pre>
 *
 * Prints a markdown table (p50/p90/p99/max in microseconds, throughput, requests per operation, and the ratios of
 * p50 and throughput to the bare write) and writes it with a JSON copy to {@code dynamodb-latency.md} and
 * {@code dynamodb-latency.json} under {@code --out}.
 */
public final class DynamoDbLatencyBenchmark {

    /** The namespace of every bucket the benchmark writes. */
    static final String NAMESPACE = "bench";

    private DynamoDbLatencyBenchmark() {
    }

    /**
     * Runs the benchmark; see the class documentation for the options.
     *
     * @param args {@code --seconds N --warmup-seconds N --round-ms N --clients 1,8 --no-adjust
     *     --config-ttl-seconds N --out DIR}
     * @throws IOException if the result files cannot be written
     */
    public static void main(String[] args) throws IOException {
        LatencyOptions options = LatencyOptions.parse(args);
        RequestCounter requests = new RequestCounter();
        ExecutorService pool = Executors.newFixedThreadPool(options.maxClients());
        List<LatencyResult> results = new ArrayList<>();
        try (MotoTable table = MotoTable.start(requests)) {
            List<Contender> contenders = contenders(table, options);
            for (int clients : options.clients()) {
                System.out.printf("%d client(s): warm-up %d s, then %d s per contender, interleaved%n", clients,
                        options.warmUp().toSeconds(), options.measure().toSeconds());
                InterleavedRun run = new InterleavedRun(contenders, clients, options.round(), pool, requests);
                run.warmUp(options.warmUp());
                results.addAll(run.measure(options.measure()));
            }
        } finally {
            pool.shutdownNow();
        }
        LatencyReport report = new LatencyReport(options, results);
        System.out.println(report.markdown());
        report.write(options.output());
    }

    private static List<Contender> contenders(MotoTable table, LatencyOptions options) {
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new BareUpdate(table.client(), MotoTable.TABLE, NAMESPACE, options.maxClients()));
        contenders.add(LimiterAcquire.create(table.backend(), NAMESPACE, options.configCacheTtl(), false, "user-",
                options.maxClients()));
        if (options.adjust()) {
            contenders.add(LimiterAcquire.create(table.backend(), NAMESPACE, options.configCacheTtl(), true,
                    "uadj-", options.maxClients()));
        }
        return contenders;
    }
}
