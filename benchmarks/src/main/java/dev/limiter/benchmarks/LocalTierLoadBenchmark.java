package dev.limiter.benchmarks;

import dev.limiter.RateLimiter;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.schema.TableSchema;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.MotoEngine;
import dev.limiter.localstack.MotoServer;
import dev.limiter.localstack.StrictControl;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 10's numbers: the local tier under load. {@code --processes} (4) worker JVMs of {@code --callers} (8) paced
 * threads each acquire one token of {@code rps} on one hot key, or on a child that cascades into its parent, against
 * the serialised moto server and the strict engine, each run once with the local tier off and once on: at
 * {@code --steady} (0.8) of the limit's rate, at {@code --over} (1.5) of it (admission efficiency), and on the
 * strict engine with every key throttled at {@code --throttle-writes} (10) writes per second (granted per second on
 * the key, throttling errors surfaced to callers). Reports per run DynamoDB requests per acquire (reservations,
 * returns and SDK retries included), efficiency {@code granted / (capacity + rate·T)}, window-bound violations
 * ({@link AdmissionWindows}, slack {@code maxHold} with the tier on), granted per second and the cost per million
 * acquires at {@link Bill}'s prices.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.limiter.benchmarks.LocalTierLoadBenchmark [--engines serialized,strict]
 *     [--scenarios hot-key,cascade] [--seconds 15] [--rate 200] [--steady 0.8] [--over 1.5] [--throttle-writes 10]
 *     [--batch-ms 500] [--share 0.25] [--hold-ms 1000] [--processes 4] [--callers 8] [--ops 5000] [--seed 1]
 *     [--start-delay-ms 10000] [--only TEXT] [--out benchmarks/target]
 * </pre>
 *
 * Bounded: every run lasts {@code --seconds} (each caller makes at most {@code --ops} acquires) and is killed past
 * {@code --seconds} + 120 s. Prints a line per run and a progress line every 5 s. Writes {@code local-tier.md} and
 * {@code local-tier.json} under {@code --out}.
 */
public final class LocalTierLoadBenchmark {

    static final String TABLE = "limiter-local-tier";
    /** DynamoDB's write rate of one partition key, which the strict engine applies unless a run throttles harder. */
    private static final int DYNAMODB_UNITS_PER_KEY = 1_000;

    private LocalTierLoadBenchmark() {
    }

    /**
     * Runs the benchmark, or one worker of a run ({@code --worker ID --endpoint URI --namespace NS --start-ms EPOCH
     * --record FILE} with the run's and the settings' options).
     *
     * @param args see the class documentation
     * @throws Exception if a server, a worker or the report fails
     */
    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        TierSettings settings = TierSettings.of(options);
        if (options.has("worker")) {
            new TierLoadWorker(settings, TierRun.of(options), options.number("worker", 0))
                    .run(URI.create(options.text("endpoint", "")), options.text("namespace", ""),
                            Long.parseLong(options.text("start-ms", "0")), Path.of(options.text("record", "")));
            return;
        }
        Path out = Path.of(options.text("out", "benchmarks/target"));
        Files.createDirectories(out);
        List<TierRun> runs = TierPlan.of(options);
        List<TierRunResult> results = new ArrayList<>();
        for (MotoEngine engine : MotoEngine.values()) {
            List<TierRun> ofEngine = runs.stream().filter(run -> run.engine() == engine).toList();
            if (!ofEngine.isEmpty()) {
                results.addAll(runOn(engine, ofEngine, settings, out, results.size(), runs.size()));
            }
        }
        LocalTierReport report = new LocalTierReport(settings, results);
        System.out.println(report.markdown());
        report.write(out);
    }

    private static List<TierRunResult> runOn(MotoEngine engine, List<TierRun> runs, TierSettings settings, Path out,
                                             int done, int total) throws Exception {
        List<TierRunResult> results = new ArrayList<>();
        try (MotoServer server = MotoServer.start(engine);
             DynamoDbAsyncClient client = new DynamoDbTestEndpoint(server.endpoint(), Region.US_EAST_1,
                     DynamoDbTestEndpoint.fakeCredentials(), TABLE, runs.get(0).kind()).newAsyncClient()) {
            DynamoDbBackend backend = DynamoDbBackend.builder().client(client).tableName(TABLE).build();
            // No stream: moto 5.2.1 copies every stream record on each transaction and slows down as a run goes.
            client.createTable(TableSchema.createTableRequest(TABLE).toBuilder()
                    .streamSpecification(StreamSpecification.builder().streamEnabled(false).build()).build()).join();
            Optional<StrictControl> control = server.strict();
            for (TierRun run : runs) {
                int index = done + results.size() + 1;
                String namespace = "run" + index;
                RateLimiter setup = RateLimiter.builder().backend(backend).namespace(namespace).build();
                run.scenario().configure(setup, settings.rate(), settings.allowance());
                control.ifPresent(c -> c.throttleWrites(TABLE,
                        run.throttleWrites() > 0 ? run.throttleWrites() : DYNAMODB_UNITS_PER_KEY));
                long throttlesBefore = control.map(c -> c.stats(TABLE).throttles()).orElse(0L);
                String label = "run " + index + "/" + total + " " + run.name();
                System.out.println(label + ": starting");
                TierRunResult result = runWorkers(run, settings, server.endpoint(), namespace, out, label, control,
                        backend, throttlesBefore);
                System.out.println(String.format(Locale.ROOT, "%s: %d/%d granted, %d served locally, %.3f requests "
                                + "per acquire, efficiency %.3f, %d violations, %.1f granted/s", label,
                        result.granted(), result.attempts(), result.servedLocally(), result.requestsPerAcquire(),
                        result.efficiency(), result.violations(), result.grantedPerSecond()));
                results.add(result);
            }
        }
        return results;
    }

    private static TierRunResult runWorkers(TierRun run, TierSettings settings, URI endpoint, String namespace,
                                            Path out, String label, Optional<StrictControl> control,
                                            DynamoDbBackend backend, long throttlesBefore) throws Exception {
        // Workers start on a common instant, late enough for each JVM to start and load its configuration.
        long startMillis = System.currentTimeMillis() + settings.startDelayMillis();
        List<List<String>> arguments = new ArrayList<>();
        List<Path> records = new ArrayList<>();
        for (int i = 0; i < settings.processes(); i++) {
            Path record = out.resolve("local-tier-worker-" + i + ".txt");
            Files.deleteIfExists(record);
            List<String> args = new ArrayList<>(List.of("--worker", "" + i, "--endpoint", endpoint.toString(),
                    "--namespace", namespace, "--start-ms", "" + startMillis, "--record", record.toString()));
            args.addAll(run.toArgs());
            args.addAll(settings.toArgs());
            arguments.add(args);
            records.add(record);
        }
        WorkerProcesses.run(LocalTierLoadBenchmark.class, arguments, Duration.ofSeconds(settings.seconds() + 120L),
                () -> label + control.map(c -> ", engine " + c.stats(TABLE)).orElse(""));
        long consumed = 0;
        List<BucketSnapshot> buckets = Futures.join(backend.read(List.of(run.scenario().bindingKey(namespace))));
        for (BucketSnapshot bucket : buckets) {
            consumed += bucket.state().limits().stream().filter(s -> s.limit().name().equals(TierScenario.LIMIT))
                    .mapToLong(s -> s.consumedTokens()).sum();
        }
        TierRecords recorded = TierRecords.read(records);
        if (recorded.count("lateStartMillis") > 0) {
            System.out.println(label + ": workers started " + recorded.count("lateStartMillis") + " ms late in all "
                    + "(a busy machine); raise --start-delay-ms");
        }
        long rejected = recorded.count("rejected") - recorded.count("throttlingSurfaced");
        if (rejected > 0) {
            System.out.println(label + ": " + rejected + " rejected by the limit, mean retry-after "
                    + recorded.count("rejectedRetryAfterMillis") / rejected + " ms");
        }
        long throttles = control.map(c -> c.stats(TABLE).throttles() - throttlesBefore).orElse(-1L);
        return TierRunResult.of(run, settings, recorded, startMillis * 1_000_000L, consumed,
                throttles);
    }
}
