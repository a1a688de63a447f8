package dev.limiter.dynamodb;

import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.bucket.LimitState;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.testkit.FleetResult;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.dynamodb.testkit.WindowBound;
import dev.limiter.dynamodb.testkit.WorkerFleet;
import dev.limiter.dynamodb.testkit.WorkerSettings;
import dev.limiter.entity.Entity;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission bound across processes on the exact path: {@value #WORKERS} worker JVMs of {@value #THREADS}
 * callers each acquire on one hot key and on a child that cascades into its parent, every acquire one conditional
 * write. Every grant is recorded with the wall-clock interval around it; over every window {@code w} each bucket
 * admits at most {@code capacity + rate * w}, the table's consumption counters equal the workers' grants to the token,
 * and every acquire, rejections included, cost at least one write and no read.
 *
 * <p>Workers are separate JVMs (not threads sharing one client or one bucket cache) so that nothing in-process can
 * hide a race. The in-memory backend cannot be shared across JVMs; its multi-instance bound is tested in limiter-core
 * with several limiters (and local tiers) in one JVM over one shared backend.
 *
 * <p>Deterministic: no timing is asserted. The bound holds for any schedule, and the check only counts a grant in a
 * window that contains its whole recorded interval, so it never reports an over-admission that did not happen. The
 * demand (about {@value #WORKERS}·{@value #THREADS}·{@value #OPS} acquires) far exceeds what the limits admit in the
 * run's time bound, so every bucket is contended. Random choices come from {@link #SEED}, printed with each run.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiProcessBoundTest {

    static final int WORKERS = 3;
    static final int THREADS = 4;
    static final int OPS = 75;
    static final long SEED = Long.getLong("limiter.seed", 20261207L);
    private static final String RESOURCE = "api";
    private static final Limit HOT = Limit.perSecond("req", 20).withBurst(10);
    private static final Limit TEAM = Limit.perSecond("req", 30).withBurst(15);
    private static final Limit ORG = Limit.perSecond("req", 15).withBurst(10);
    private static final Map<String, Limit> LIMITS = Map.of("hot", HOT, "team", TEAM, "org", ORG);

    private final DynamoDbTestEndpoint endpoint;
    private final TestTable table;
    private String namespace;
    private FleetResult run;

    MultiProcessBoundTest(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.table = TestTable.createWithoutStream(endpoint);
    }

    @BeforeAll
    void runWorkers(@TempDir Path directory) throws Exception {
        namespace = TestTable.uniqueNamespace("mp");
        RateLimiter setup = RateLimiter.builder().backend(table.backend()).namespace(namespace).build();
        LIMITS.forEach((entity, limit) -> setup.configs().set(ConfigScope.entityDefault(entity), LimitConfig.of(limit)));
        setup.entities().put(Entity.root("hot"));
        setup.entities().put(Entity.root("org"));
        setup.entities().put(Entity.child("team", "org").withCascade(true));
        WorkerSettings settings = new WorkerSettings(endpoint.endpoint(), endpoint.region().id(), table.name(),
                endpoint.credentials() instanceof StaticCredentialsProvider, namespace, RESOURCE, "req",
                List.of("hot", "team"), THREADS, OPS, 20, 3, SEED);
        System.out.printf("MultiProcessBoundTest: seed %d (replay with -Dlimiter.seed=%d), namespace %s%n",
                SEED, SEED, namespace);
        try (WorkerFleet fleet = WorkerFleet.start(settings, WORKERS, directory)) {
            fleet.go(Duration.ofMinutes(2));
            run = new FleetResult(fleet.await(Duration.ofMinutes(3)), Map.of("team", List.of("org")));
        }
        System.out.printf("MultiProcessBoundTest: granted hot %d/%d, team %d/%d; requests %s%n",
                run.count("granted", "hot"), run.count("attempts", "hot"), run.count("granted", "team"),
                run.count("attempts", "team"), run.requests());
    }

    @AfterAll
    void closeTable() {
        table.close();
    }

    @Test
    void workers_allFinish_eachBucketContended() {
        assertThat(run.complete()).as("every worker wrote its end marker").isTrue();
        for (String bucket : LIMITS.keySet()) {
            assertThat(run.grantsOn(bucket)).as("grants on %s", bucket).isNotEmpty();
        }
        assertThat(run.count("rejected", "hot")).as("hot key rejections").isPositive();
        assertThat(run.count("rejected", "team")).as("cascade rejections").isPositive();
    }

    @Test
    void grants_overEveryWindow_stayWithinCapacityPlusRateTimesWindow() {
        for (Map.Entry<String, Limit> bucket : LIMITS.entrySet()) {
            WindowBound bound = new WindowBound(bucket.getValue(), 0);
            assertThat(bound.violations(run.grantsOn(bucket.getKey())))
                    .as("windows of %s over %s (seed %d)", bucket.getKey(), bucket.getValue(), SEED).isEmpty();
        }
    }

    @Test
    void table_consumptionCounters_equalTheWorkersGrantsToTheToken() {
        List<BucketSnapshot> buckets = Futures.join(table.backend().read(LIMITS.keySet().stream()
                .map(entity -> new BucketKey(namespace, entity, RESOURCE)).toList()));
        for (BucketSnapshot bucket : buckets) {
            String entity = bucket.key().entity();
            long consumed = bucket.state().limits().stream().filter(state -> state.limit().name().equals("req"))
                    .mapToLong(LimitState::consumedTokens).sum();
            long granted = run.tokensOn(entity);
            long maybe = run.countOn("maybe", entity); // unavailable acquires whose write may have landed
            assertThat(consumed).as("%s: table counter vs. %d granted (+ up to %d unavailable)", entity, granted, maybe)
                    .isBetween(granted, granted + maybe);
        }
    }

    @Test
    void requests_everyAcquireCostAtLeastOneWriteAndNoRead() {
        Map<String, Long> requests = run.requests();
        assertThat(requests.getOrDefault("UpdateItem", 0L)).as("UpdateItems vs. hot-key acquires")
                .isGreaterThanOrEqualTo(run.count("attempts", "hot"));
        assertThat(requests.getOrDefault("TransactWriteItems", 0L)).as("transactions vs. cascading acquires")
                .isGreaterThanOrEqualTo(run.count("attempts", "team"));
        assertThat(requests.keySet()).as("operations: commits without adjustments write nothing, nothing reads")
                .containsOnly("UpdateItem", "TransactWriteItems");
    }
}
