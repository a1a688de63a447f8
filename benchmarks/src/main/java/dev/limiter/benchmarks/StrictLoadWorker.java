package dev.limiter.benchmarks;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.LimitStatus;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.internal.Arithmetic;
import dev.limiter.localstack.EndpointKind;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * One process of {@link StrictLoadBenchmark}: its own client (the SDK's standard retries as
 * {@code DynamoDbBackend.builder()} builds it, with a 5 s attempt timeout for a local engine on a busy machine) and
 * limiter, {@code callers} threads each running a bounded number of
 * acquires on the hot parent or one of its two cascading children, then an adjust and commit, a plain commit, or a
 * rollback. It records every grant (entity, and the wall-clock interval in which it was admitted) and the net tokens
 * it left on each bucket, and writes them to a file for the coordinator.
 */
final class StrictLoadWorker {

    /** The entities callers acquire for: the parent directly, or a child that cascades into it. */
    static final List<String> ENTITIES = List.of(StrictLoadBenchmark.PARENT, "team-a", "team-b");

    private final StrictLoadBenchmark.Settings settings;
    private final int id;
    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> ledger = new ConcurrentHashMap<>();
    private final List<String> grants = new ArrayList<>();

    StrictLoadWorker(StrictLoadBenchmark.Settings settings, int id) {
        this.settings = settings;
        this.id = id;
    }

    /** Runs the callers to completion (or the deadline) and writes the record to {@code out}. */
    void run(URI endpoint, Path out) throws Exception {
        RequestCounter requests = new RequestCounter();
        try (DynamoDbAsyncClient client = WorkerClient.open(endpoint, StrictLoadBenchmark.TABLE,
                EndpointKind.MOTO_STRICT, requests)) {
            DynamoDbBackend backend = DynamoDbBackend.builder().client(client).tableName(StrictLoadBenchmark.TABLE)
                    .jitter(new SplittableRandom(settings.seed() * 31 + id)).build();
            RateLimiter limiter = RateLimiter.builder().backend(backend).namespace(settings.namespace())
                    .onUnavailable(OnUnavailable.BLOCK).build();
            WorkerClient.warmUp(limiter, ENTITIES, StrictLoadBenchmark.RESOURCE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.seconds());
            ExecutorService pool = Executors.newFixedThreadPool(settings.callers());
            List<Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < settings.callers(); c++) {
                SplittableRandom random = new SplittableRandom(settings.seed() * 1_000 + id * 100L + c);
                callers.add(pool.submit(() -> caller(limiter, random, deadline)));
            }
            for (Future<?> caller : callers) {
                caller.get(settings.seconds() + 120L, TimeUnit.SECONDS);
            }
            pool.shutdown();
            count("requests", requests.total());
        }
        write(out);
    }

    private Void caller(RateLimiter limiter, SplittableRandom random, long deadline) {
        for (int op = 0; op < settings.ops() && System.nanoTime() < deadline; op++) {
            String entity = ENTITIES.get(random.nextInt(ENTITIES.size()));
            long tokens = 100 + random.nextInt(400);
            AcquireRequest request = AcquireRequest.of(entity, StrictLoadBenchmark.RESOURCE)
                    .consume("rps", 1).consume("tps", tokens);
            count("attempts", 1);
            long start = nowNanos();
            Decision decision;
            try {
                decision = limiter.tryAcquire(request);
            } catch (RateLimiterUnavailableException unavailable) {
                boolean conflict = StrictLoadBenchmark.causedByConflict(unavailable);
                count(conflict ? "unavailableConflict" : "unavailableOther", 1);
                if (!conflict) { // may have been applied before its answer was lost: the table may hold it
                    record("M", entity, request.amounts());
                }
                continue;
            }
            long end = nowNanos();
            if (decision instanceof Decision.Granted granted) {
                count("granted", 1);
                synchronized (grants) {
                    grants.add("G " + entity + " " + start + " " + end);
                }
                settle(entity, granted.lease(), random);
            } else {
                rejected((Decision.Rejected) decision);
            }
        }
        return null;
    }

    private void rejected(Decision.Rejected rejection) {
        count("rejected", 1);
        for (LimitStatus violation : rejection.violations()) {
            if (violation.limitName().equals("dynamodb.key-write-rate")) {
                count("rejectedThrottled", 1);
                return;
            }
        }
    }

    /** Adjusts and commits, commits, or rolls back, retrying a failed settlement twice; records the net tokens. */
    private void settle(String entity, Lease lease, SplittableRandom random) {
        int action = random.nextInt(10);
        if (action < 5) {
            lease.adjust("tps", random.nextInt(601) - 300);
        }
        Map<String, Long> atGrant = lease.charged();
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                if (action < 8) {
                    lease.commit();
                    record(entity, lease.charged());
                } else {
                    lease.rollback();
                    count("rolledBack", 1);
                }
                return;
            } catch (RateLimiterUnavailableException unavailable) {
                count(StrictLoadBenchmark.causedByConflict(unavailable) ? "settleConflict" : "settleOther", 1);
            }
        }
        count("settleAbandoned", 1);
        record(entity, atGrant);
    }

    /** Adds the net tokens of a settled lease to its own bucket and, for a child, to the parent's. */
    private void record(String entity, Map<String, Long> net) {
        record("L", entity, net);
    }

    /**
     * Adds {@code net} tokens to ledger {@code kind} ({@code L}: settled leases; {@code M}: acquires that ended
     * unavailable after an ambiguous failure, which the table may or may not hold) of the bucket and its parent.
     */
    private void record(String kind, String entity, Map<String, Long> net) {
        net.forEach((limit, tokens) -> {
            ledger.computeIfAbsent(kind + " " + entity + " " + limit, k -> new LongAdder()).add(tokens);
            if (!entity.equals(StrictLoadBenchmark.PARENT)) {
                ledger.computeIfAbsent(kind + " " + StrictLoadBenchmark.PARENT + " " + limit, k -> new LongAdder())
                        .add(tokens);
            }
        });
    }

    private void count(String name, long amount) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(amount);
    }

    private void write(Path out) throws IOException {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            counters.forEach((name, value) -> writer.println("C " + name + " " + value.sum()));
            ledger.forEach((key, value) -> writer.println(key + " " + value.sum()));
            synchronized (grants) {
                grants.forEach(writer::println);
            }
        }
    }

    private static long nowNanos() {
        return Arithmetic.epochNanos(Instant.now());
    }
}
