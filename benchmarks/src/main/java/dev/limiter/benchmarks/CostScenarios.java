package dev.limiter.benchmarks;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.schema.ItemSize;
import dev.limiter.entity.Entity;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The scenarios of {@link DynamoDbCostBenchmark}. Each prepares its limiter, entities and buckets uncounted (so the
 * configuration cache and the bucket cache are warm), then makes its acquires while {@link RequestLog} records every
 * HTTP attempt, and prices them ({@link Bill}) by the size of the items read back afterwards. Each scenario has its
 * own namespace, so none sees another's buckets or configurations.
 *
 * <p>Limits, stored as the namespace default: {@code rpm} 10,000 and {@code tpm} 1,000,000 per minute; every
 * acquire takes {@code rpm: 1} and {@code tpm: 500}. The contended key runs three ways: a bucket that stays busy
 * (its TAT ahead of now, so every writer takes the busy branch), a bucket whose TAT hovers around now because the
 * key is requested more slowly than {@code rpm} refills (writers take the idle branch, and concurrent ones race),
 * and a bucket over its limit (most acquires rejected).
 *
 * <p>Not thread-safe: one thread runs the scenarios (the contended one starts its own clients).
 */
final class CostScenarios {

    static final Limit RPM = Limit.perMinute("rpm", 10_000);
    static final Limit TPM = Limit.perMinute("tpm", 1_000_000);

    private static final int SEQUENTIAL = 20;
    private static final int CONTENDING_CLIENTS = 16;
    private static final int CONTENDING_INSTANCES = 4;
    private static final int ACQUIRES_PER_CLIENT = 10;

    private final MotoTable table;
    private final RequestLog log;
    private int namespaces;

    CostScenarios(MotoTable table, RequestLog log) {
        this.table = table;
        this.log = log;
    }

    /** Runs every scenario in turn. */
    List<CostResult> runAll() {
        List<CostResult> results = new ArrayList<>();
        results.add(sequential("single limit", ZaeFigure.SINGLE_BUCKET, 1, false, RPM));
        results.add(sequential("two limits", ZaeFigure.SINGLE_BUCKET, 1, false, RPM, TPM));
        results.add(sequential("cascade depth 2", ZaeFigure.CASCADE_TWO, 2, false, RPM, TPM));
        results.add(sequential("cascade depth 3", ZaeFigure.CASCADE_THREE, 3, false, RPM, TPM));
        results.add(contended("contended key, 16 clients, bucket busy (1/s, burst 10^6)",
                Limit.perSecond("rpm", 1).withBurst(1_000_000)));
        results.add(contended("contended key, 16 clients, bucket near idle (rpm + tpm)", RPM, TPM));
        results.add(contended("contended key, 16 clients, over the limit (20/s, burst 10)",
                Limit.perSecond("rpm", 20).withBurst(10)));
        results.add(rejection());
        results.add(sequential("commit with adjustment", ZaeFigure.ADJUSTED, 1, true, RPM, TPM));
        results.add(sequential("commit with adjustment, cascade depth 3", ZaeFigure.ADJUSTED, 3, true, RPM, TPM));
        results.add(newEntities());
        return results;
    }

    /**
     * {@value #SEQUENTIAL} acquires and commits, one after another, for the leaf of a chain of {@code depth}
     * entities each cascading to its parent; with {@code adjust}, each lease is adjusted by {@code tpm: +200}.
     */
    private CostResult sequential(String name, ZaeFigure zae, int depth, boolean adjust, Limit... limits) {
        RateLimiter limiter = limiter(limits);
        String leaf = chain(limiter, depth);
        acquire(limiter, leaf, false, limits.length);
        return measure(name, zae, () -> repeat(i -> acquire(limiter, leaf, adjust, limits.length)));
    }

    /**
     * {@value #CONTENDING_CLIENTS} clients, spread over {@value #CONTENDING_INSTANCES} limiter instances (as
     * separate processes would be), each making {@value #ACQUIRES_PER_CLIENT} acquires on the same key at once.
     */
    private CostResult contended(String name, Limit... limits) {
        String namespace = nextNamespace();
        List<RateLimiter> limiters = new ArrayList<>();
        for (int i = 0; i < CONTENDING_INSTANCES; i++) {
            RateLimiter limiter = limiter(namespace, limits);
            limiter.explain("hot", "gpt-4");
            limiters.add(limiter);
        }
        acquire(limiters.get(0), "hot", false, limits.length);
        return measure(name, ZaeFigure.CONTENDED, () -> hammer(limiters, limits.length));
    }

    /** Acquires against a bucket drained in setup: every one is rejected by its failed write. */
    private CostResult rejection() {
        Limit rpd = Limit.perDay("rpm", 1);
        RateLimiter limiter = limiter(rpd, Limit.perDay("tpm", 1_000));
        acquire(limiter, "drained", false, 2);
        return measure("rejection", ZaeFigure.REJECTION, () -> repeat(i -> acquire(limiter, "drained", false, 2)));
    }

    /** The first acquire of new entities, with the namespace's and resource's configuration already cached. */
    private CostResult newEntities() {
        RateLimiter limiter = limiter(RPM, TPM);
        acquire(limiter, "warm", false, 2);
        return measure("first acquire of a new entity (config cache miss)", ZaeFigure.NEW_ENTITY,
                () -> repeat(i -> acquire(limiter, "new-" + i, false, 2)));
    }

    /** {@value #SEQUENTIAL} acquires one after another, the {@code i}-th made by {@code acquire}. */
    private static AcquireCount repeat(IntFunction<AcquireCount> acquire) {
        AcquireCount count = new AcquireCount(0, 0);
        for (int i = 0; i < SEQUENTIAL; i++) {
            count = count.plus(acquire.apply(i));
        }
        return count;
    }

    private CostResult measure(String name, ZaeFigure zae, Supplier<AcquireCount> acquires) {
        log.drain();
        AcquireCount count = acquires.get();
        List<RecordedRequest> recorded = log.drain();
        Bill bill = Bill.of(recorded, this::itemBytes);
        log.drain();
        System.out.printf("%-55s %d requests for %d acquires%n", name, recorded.size(), count.attempted());
        return new CostResult(name, count.attempted(), count.granted(), bill, zae);
    }

    private AcquireCount hammer(List<RateLimiter> limiters, int limits) {
        ExecutorService pool = Executors.newFixedThreadPool(CONTENDING_CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<AcquireCount>> clients = new ArrayList<>();
            for (int c = 0; c < CONTENDING_CLIENTS; c++) {
                RateLimiter limiter = limiters.get(c % limiters.size());
                clients.add(pool.submit(() -> {
                    start.await();
                    AcquireCount count = new AcquireCount(0, 0);
                    for (int i = 0; i < ACQUIRES_PER_CLIENT; i++) {
                        count = count.plus(acquire(limiter, "hot", false, limits));
                    }
                    return count;
                }));
            }
            start.countDown();
            AcquireCount total = new AcquireCount(0, 0);
            for (Future<AcquireCount> client : clients) {
                total = total.plus(client.get(5, TimeUnit.MINUTES));
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException("a contending client failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One acquire of {@code rpm: 1} (and {@code tpm: 500} when two limits are set), committed if granted. */
    private static AcquireCount acquire(RateLimiter limiter, String entity, boolean adjust, int limits) {
        AcquireRequest request = AcquireRequest.of(entity, "gpt-4").consume("rpm", 1);
        if (limits > 1) {
            request = request.consume("tpm", 500);
        }
        Decision decision = limiter.tryAcquire(request);
        if (!(decision instanceof Decision.Granted granted)) {
            return new AcquireCount(1, 0);
        }
        try (Lease lease = granted.lease()) {
            if (adjust) {
                lease.adjust("tpm", 200);
            }
        }
        return new AcquireCount(1, 1);
    }

    /** Entities {@code e0} (root) to {@code e<depth-1>}, each cascading to the one before; returns the leaf. */
    private static String chain(RateLimiter limiter, int depth) {
        limiter.entities().put(Entity.root("e0"));
        for (int i = 1; i < depth; i++) {
            limiter.entities().put(Entity.child("e" + i, "e" + (i - 1)).withCascade(true));
        }
        return "e" + (depth - 1);
    }

    private RateLimiter limiter(Limit... limits) {
        return limiter(nextNamespace(), limits);
    }

    /** A limiter on the table in {@code namespace}, whose namespace-wide limits it sets to {@code limits}. */
    private RateLimiter limiter(String namespace, Limit... limits) {
        RateLimiter limiter = RateLimiter.builder().backend(table.backend()).namespace(namespace).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(limits));
        return limiter;
    }

    private String nextNamespace() {
        return "cost" + ++namespaces;
    }

    private int itemBytes(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = table.client().getItem(GetItemRequest.builder().tableName(MotoTable.TABLE)
                .key(key).consistentRead(true).build()).join().item();
        return item == null || item.isEmpty() ? 0 : ItemSize.bytes(item);
    }
}
