package dev.limiter.dynamodb.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.internal.Arithmetic;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.EndpointKind;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The main class of one worker JVM that {@link WorkerFleet} starts: its own client (counting every request with a
 * {@link RequestLog}), backend and limiter, {@code threads} callers acquiring one limit on the configured entities for
 * a bounded count and a bounded time, each grant committed at once.
 *
 * <p>Protocol: after loading the configurations it prints {@code ready} and waits for a line on standard input, so
 * that all workers start together. It streams one line per grant to the record file as it happens (flushed, so a
 * worker killed mid-run leaves every grant it saw returned), and at the end its counters, request counts and
 * {@code END}. See {@link WorkerRecord} for the format. Exit code 0 on success.
 */
public final class GrantWorker {

    /** The request log is cleared after warm-up: counted requests are the run's alone. */
    private final RequestLog requests = new RequestLog();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final WorkerSettings settings;
    private final PrintWriter out;

    private GrantWorker(WorkerSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs one worker.
     *
     * @param args {@link WorkerSettings#toArgs()}
     * @throws Exception if the worker fails; the JVM then exits with a non-zero code
     */
    public static void main(String[] args) throws Exception {
        WorkerSettings settings = WorkerSettings.parse(args);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(settings.record(), StandardCharsets.UTF_8),
                true)) {
            new GrantWorker(settings, out).run();
        }
        System.exit(0); // the SDK's event loop threads must not keep the JVM alive
    }

    private void run() throws Exception {
        DynamoDbTestEndpoint target = new DynamoDbTestEndpoint(settings.endpoint(), Region.of(settings.region()),
                settings.fakeCredentials() ? DynamoDbTestEndpoint.fakeCredentials()
                        : DefaultCredentialsProvider.builder().build(), settings.table(), EndpointKind.EXTERNAL);
        try (DynamoDbAsyncClient client = target.applyTo(DynamoDbAsyncClient.builder())
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofSeconds(10))
                        .apiCallTimeout(Duration.ofSeconds(60)).addExecutionInterceptor(requests)).build()) {
            DynamoDbBackend backend = DynamoDbBackend.builder().client(client).tableName(settings.table())
                    .jitter(new SplittableRandom(settings.seed() * 31 + settings.worker())).build();
            // A long configuration TTL: no configuration read may fall inside the counted run.
            RateLimiter limiter = RateLimiter.builder().backend(backend).namespace(settings.namespace())
                    .configCacheTtl(Duration.ofMinutes(30)).onUnavailable(OnUnavailable.BLOCK).build();
            warmUp(limiter);
            requests.clear();
            System.out.println(WorkerFleet.READY);
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            callAll(limiter);
            writeSummary();
        }
    }

    /** Resolves every entity's limits (and ancestors) before the start, retrying while a cold server warms up. */
    private void warmUp(RateLimiter limiter) {
        for (String entity : settings.entities()) {
            for (int attempt = 1; ; attempt++) {
                try {
                    limiter.explain(entity, settings.resource());
                    break;
                } catch (RateLimiterUnavailableException slow) {
                    if (attempt == 5) {
                        throw slow;
                    }
                }
            }
        }
    }

    private void callAll(RateLimiter limiter) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.seconds());
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < settings.threads(); c++) {
                SplittableRandom random = new SplittableRandom(settings.seed() * 1_000 + settings.worker() * 100L + c);
                callers.add(pool.submit(() -> caller(limiter, random, deadline)));
            }
            for (Future<?> caller : callers) {
                caller.get(settings.seconds() + 120L, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Void caller(RateLimiter limiter, SplittableRandom random, long deadline) {
        for (int op = 0; op < settings.ops() && System.nanoTime() < deadline; op++) {
            String entity = settings.entities().get(random.nextInt(settings.entities().size()));
            long amount = 1 + random.nextInt(settings.maxAmount());
            AcquireRequest request = AcquireRequest.of(entity, settings.resource())
                    .consume(settings.limitName(), amount);
            count("attempts " + entity, 1);
            long start = nowNanos();
            Decision decision;
            try {
                decision = limiter.tryAcquire(request);
            } catch (RateLimiterUnavailableException unavailable) {
                // The write may have been applied before its answer was lost: the table may hold these tokens.
                count("unavailable " + entity, 1);
                count("maybe " + entity, amount);
                continue;
            }
            long end = nowNanos();
            if (decision instanceof Decision.Granted granted) {
                boolean local = false;
                granted.lease().commit();
                line(WorkerRecord.grantLine(new Grant(entity, start, end, amount, local)));
                count("granted " + entity, 1);
            } else {
                count("rejected " + entity, 1);
            }
        }
        return null;
    }

    private void writeSummary() {
        counters.forEach((name, value) -> line("C " + name + " " + value.sum()));
        requests.counts().forEach((operation, count) -> line("R " + operation + " " + count));
        line(WorkerRecord.END);
    }

    private void line(String text) {
        synchronized (out) {
            out.println(text);
        }
    }

    private void count(String name, long amount) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(amount);
    }

    private static long nowNanos() {
        return Arithmetic.epochNanos(Instant.now());
    }
}
