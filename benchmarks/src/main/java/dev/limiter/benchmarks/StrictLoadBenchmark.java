package dev.limiter.benchmarks;

import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.schema.TableSchema;
import dev.limiter.entity.Entity;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.AmbiguousFailure;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.EndpointKind;
import dev.limiter.localstack.MotoEngine;
import dev.limiter.localstack.MotoServer;
import dev.limiter.localstack.StrictControl;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 9, part C: the DynamoDB backend under the strict engine (transactions hold their items, keys are throttled,
 * some writes are applied and then answered with a failure), with {@code --processes} (4) worker JVMs of
 * {@code --callers} (8) threads each on a hot parent with two cascading children, acquire + adjust + commit or
 * rollback mixed. Reports the {@code Unavailable} outcomes caused by transaction conflicts (target 0), window-bound
 * violations of every bucket's {@code rps} limit (target 0: granted ≤ capacity + rate·window), the workers' ledger
 * against the table's consumption counters (target: equal to the token), and DynamoDB requests per acquire.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.limiter.benchmarks.StrictLoadBenchmark [--processes 4]
 *     [--callers 8] [--ops 40] [--seconds 120] [--hold-ms 10] [--units 1000] [--ambiguous 10] [--seed 1]
 *     [--out benchmarks/target]
 * </pre>
 *
 * Bounded: each caller runs at most {@code --ops} acquires and stops at {@code --seconds}. Prints a progress line
 * every 5 s. Writes {@code strict-load.md} and {@code strict-load.json} under {@code --out}.
 */
public final class StrictLoadBenchmark {

    static final String TABLE = "limiter-strict-load";
    static final String RESOURCE = "llm";
    static final String PARENT = "org";
    /** The hot parent: 20 acquires per second, bursts of 20. */
    static final Limit PARENT_RPS = Limit.perSecond("rps", 20);
    static final Limit PARENT_TPS = Limit.perSecond("tps", 8_000).withBurst(16_000);
    static final Limit CHILD_RPS = Limit.perSecond("rps", 200);
    static final Limit CHILD_TPS = Limit.perSecond("tps", 100_000);

    /** The run's parameters. */
    record Settings(int processes, int callers, int ops, int seconds, int holdMillis, int units, int ambiguous,
                    long seed, String namespace) {

        List<String> toArgs() {
            return List.of("--processes", "" + processes, "--callers", "" + callers, "--ops", "" + ops,
                    "--seconds", "" + seconds, "--hold-ms", "" + holdMillis, "--units", "" + units,
                    "--ambiguous", "" + ambiguous, "--seed", "" + seed, "--namespace", namespace);
        }
    }

    private StrictLoadBenchmark() {
    }

    /**
     * Runs the benchmark, or one worker of it ({@code --worker ID --endpoint URI --record FILE}).
     *
     * @param args see the class documentation
     * @throws Exception if the server, a worker or the report fails
     */
    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Settings settings = new Settings(options.number("processes", 4), options.number("callers", 8),
                options.number("ops", 40), options.number("seconds", 120), options.number("hold-ms", 10),
                options.number("units", 1000), options.number("ambiguous", 10), options.seed(),
                options.text("namespace", "load"));
        if (options.has("worker")) {
            new StrictLoadWorker(settings, options.number("worker", 0))
                    .run(URI.create(options.text("endpoint", "")), Path.of(options.text("record", "")));
            return;
        }
        Path out = Path.of(options.text("out", "benchmarks/target"));
        StrictLoadReport report = coordinate(settings, out);
        System.out.println(report.markdown());
        report.write(out);
    }

    /** Whether {@code unavailable} was caused by items held by other transactions. */
    static boolean causedByConflict(RateLimiterUnavailableException unavailable) {
        for (Throwable cause = unavailable; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            if (text.contains("held by other transactions") || text.contains("TransactionConflict")) {
                return true;
            }
        }
        return false;
    }

    private static StrictLoadReport coordinate(Settings settings, Path out) throws Exception {
        Files.createDirectories(out);
        try (MotoServer server = MotoServer.start(MotoEngine.STRICT);
             DynamoDbAsyncClient client = new DynamoDbTestEndpoint(server.endpoint(), Region.US_EAST_1,
                     DynamoDbTestEndpoint.fakeCredentials(), TABLE, EndpointKind.MOTO_STRICT).newAsyncClient()) {
            DynamoDbBackend backend = DynamoDbBackend.builder().client(client).tableName(TABLE).build();
            // The production schema without its stream: moto 5.2.1 copies every stream record on each transaction
            // and slows down as the run goes (issue 9, item 9); a load run must not measure that.
            client.createTable(TableSchema.createTableRequest(TABLE).toBuilder()
                    .streamSpecification(StreamSpecification.builder().streamEnabled(false).build()).build()).join();
            configure(settings, backend);
            StrictControl control = server.strict().orElseThrow();
            control.holdTransactions(TABLE, Duration.ofMillis(settings.holdMillis()));
            control.throttleWrites(TABLE, settings.units());
            if (settings.ambiguous() > 0) {
                control.failAfterApply(TABLE, "UpdateItem", settings.ambiguous(), AmbiguousFailure.HTTP_500);
            }
            long started = System.nanoTime();
            List<Path> records = runWorkers(settings, server.endpoint(), out, control);
            long elapsed = System.nanoTime() - started;
            List<BucketSnapshot> table = Futures.join(backend.read(keys(settings)));
            return StrictLoadReport.of(settings, records, table, control.stats(TABLE), elapsed);
        }
    }

    private static void configure(Settings settings, DynamoDbBackend backend) {
        RateLimiter setup = RateLimiter.builder().backend(backend).namespace(settings.namespace()).build();
        setup.configs().set(ConfigScope.namespace(), LimitConfig.of(CHILD_RPS, CHILD_TPS));
        setup.configs().set(ConfigScope.entityDefault(PARENT), LimitConfig.of(PARENT_RPS, PARENT_TPS));
        setup.entities().put(Entity.root(PARENT));
        setup.entities().put(Entity.child("team-a", PARENT).withCascade(true));
        setup.entities().put(Entity.child("team-b", PARENT).withCascade(true));
    }

    static List<BucketKey> keys(Settings settings) {
        List<BucketKey> keys = new ArrayList<>();
        StrictLoadWorker.ENTITIES.forEach(entity -> keys.add(new BucketKey(settings.namespace(), entity, RESOURCE)));
        return keys;
    }

    private static List<Path> runWorkers(Settings settings, URI endpoint, Path out, StrictControl control)
            throws IOException, InterruptedException {
        List<List<String>> arguments = new ArrayList<>();
        List<Path> records = new ArrayList<>();
        for (int i = 0; i < settings.processes(); i++) {
            Path record = out.resolve("strict-load-worker-" + i + ".txt");
            List<String> args = new ArrayList<>(List.of("--worker", "" + i, "--endpoint", endpoint.toString(),
                    "--record", record.toString()));
            args.addAll(settings.toArgs());
            arguments.add(args);
            records.add(record);
        }
        WorkerProcesses.run(StrictLoadBenchmark.class, arguments, Duration.ofSeconds(settings.seconds() + 180L),
                () -> "engine " + control.stats(TABLE));
        return records;
    }
}
