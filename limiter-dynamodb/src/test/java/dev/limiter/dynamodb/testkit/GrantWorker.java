package dev.limiter.dynamodb.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.LocalAllowance;
import dev.limiter.LocalTier;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.allowance.AllowanceCounters;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The main class of one worker JVM that {@link WorkerFleet} starts: its own client (counting every request with a
 * {@link RequestLog}, and per bucket), backend and limiter, {@code threads} callers acquiring one limit on the
 * configured entities for a bounded count and a bounded time, each grant committed at once. With the tier on the
 * limiter runs the local tier; closing the limiter at the end returns what it holds.
 *
 * <p>Protocol: after loading the configurations it prints {@code ready} and waits for a line on standard input, so
 * that all workers start together. It streams one line per grant to the record file as it happens (flushed, so a
 * worker killed mid-run leaves every grant it saw returned), and at the end its counters, request counts and
 * {@code END}. See {@link WorkerRecord} for the format. Exit code 0 on success.
 *
 * <p>With {@code pauseAfter}, callers stop once that many grants are recorded; when every caller has stopped or
 * finished, the worker writes the allowances it holds, prints {@code paused} and waits to be killed.
 */
public final class GrantWorker {

    /** The request log is cleared after warm-up: counted requests are the run's alone. */
    private final RequestLog requests = new RequestLog();
    private final BucketRequests bucketRequests = new BucketRequests();
    private final AtomicLong grants = new AtomicLong();
    private final CountDownLatch killed = new CountDownLatch(1);
    private int parked;
    private int finished;
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
     * @throws IllegalArgumentException if the arguments are malformed; any later failure is printed to standard error
     *                                  and ends the JVM with exit code 1
     */
    public static void main(String[] args) {
        WorkerSettings settings = WorkerSettings.parse(args);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(settings.record(), StandardCharsets.UTF_8),
                true)) {
            new GrantWorker(settings, out).run();
        } catch (Exception | Error failed) {
            failed.printStackTrace(); // to worker-N.err, which the fleet quotes
            System.exit(1);
        }
        System.exit(0); // the SDK's event loop threads must not keep the JVM alive
    }

    private void run() throws Exception {
        DynamoDbTestEndpoint target = new DynamoDbTestEndpoint(settings.endpoint(), Region.of(settings.region()),
                settings.fakeCredentials() ? DynamoDbTestEndpoint.fakeCredentials()
                        : DefaultCredentialsProvider.builder().build(), settings.table(), EndpointKind.EXTERNAL);
        try (DynamoDbAsyncClient client = target.applyTo(DynamoDbAsyncClient.builder())
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofSeconds(10))
                        .apiCallTimeout(Duration.ofSeconds(60)).addExecutionInterceptor(requests)
                        .addExecutionInterceptor(bucketRequests)).build()) {
            DynamoDbBackend dynamoDb = DynamoDbBackend.builder().client(client).tableName(settings.table())
                    .jitter(new SplittableRandom(settings.seed() * 31 + settings.worker())).build();
            // A long configuration TTL: no configuration read may fall inside the counted run.
            RateLimiterBuilder builder = RateLimiter.builder().backend(dynamoDb).namespace(settings.namespace())
                    .configCacheTtl(Duration.ofMinutes(30)).onUnavailable(OnUnavailable.BLOCK);
            if (settings.tier()) {
                // The longest batch interval: demand decays so slowly that each batch is sized by the tokens asked
                // for so far, not by how fast they were asked, so the reservation count does not depend on load.
                // No sweeper: expired tokens go back when touched and on close, so a paused worker holds still.
                builder.localTier(new LocalTier(LocalAllowance.MAX_HOLD, Duration.ZERO));
            }
            RateLimiter limiter = builder.build();
            warmUp(limiter);
            requests.clear();
            bucketRequests.clear();
            System.out.println(WorkerFleet.READY);
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            callAll(limiter);
            limiter.close();
            writeSummary(limiter);
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

    private Void caller(RateLimiter limiter, SplittableRandom random, long deadline) throws InterruptedException {
        int op = 0;
        for (; op < settings.ops() && System.nanoTime() < deadline; op++) {
            if (settings.pauseAfter() > 0 && grants.get() >= settings.pauseAfter()) {
                arrive(limiter, true);
                killed.await(); // never counted down: the test kills this process
            }
            acquireOnce(limiter, random);
        }
        if (op < settings.ops()) {
            count("cut -", 1); // the time bound ended this caller before its count: demand depended on load
        }
        arrive(limiter, false);
        return null;
    }

    /** One acquire on a random entity, committed at once when granted, and recorded. */
    private void acquireOnce(RateLimiter limiter, SplittableRandom random) {
        String entity = settings.entities().get(random.nextInt(settings.entities().size()));
        long amount = 1 + random.nextInt(settings.maxAmount());
        AcquireRequest request = AcquireRequest.of(entity, settings.resource()).consume(settings.limitName(), amount);
        count("attempts " + entity, 1);
        long start = nowNanos();
        Decision decision;
        try {
            decision = limiter.tryAcquire(request);
        } catch (RateLimiterUnavailableException unavailable) {
            // The write may have been applied before its answer was lost: the table may hold these tokens.
            count("unavailable " + entity, 1);
            count("maybe " + entity, amount);
            return;
        }
        long end = nowNanos();
        if (decision instanceof Decision.Granted granted) {
            granted.lease().commit();
            line(WorkerRecord.grantLine(new Grant(entity, start, end, amount, granted.lease().servedLocally())));
            count("granted " + entity, 1);
            grants.incrementAndGet();
        } else {
            count("rejected " + entity, 1);
        }
    }

    /** A caller stopped ({@code parking}) or finished; once all have, a pausing worker reports what it holds. */
    private void arrive(RateLimiter limiter, boolean parking) throws InterruptedException {
        synchronized (killed) {
            parked += parking ? 1 : 0;
            finished += parking ? 0 : 1;
            if (parked > 0 && parked + finished == settings.threads()) {
                bucketRequests.awaitIdle();
                ledger(limiter, "P");
                System.out.println(WorkerFleet.PAUSED);
                System.out.flush();
            }
        }
    }

    private void writeSummary(RateLimiter limiter) {
        counters.forEach((name, value) -> line("C " + name + " " + value.sum()));
        requests.counts().forEach((operation, count) -> line("R " + operation + " " + count));
        bucketRequests.counts().forEach((entity, count) -> line("Q " + entity + " " + count));
        limiter.localTier().ifPresent(tier -> line("C reservations - " + tier.reservations()));
        ledger(limiter, "T");
        line(WorkerRecord.END);
    }

    /** Writes the local tier's ledger per bucket and limit, tagged {@code tag}. */
    private void ledger(RateLimiter limiter, String tag) {
        limiter.localTier().ifPresent(tier -> {
            for (AllowanceCounters c : tier.ledger()) {
                line(tag + " " + c.key().entity() + " " + c.limitName() + " " + c.reserved() + " "
                        + c.grantedLocally() + " " + c.returned() + " " + c.held());
            }
        });
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
