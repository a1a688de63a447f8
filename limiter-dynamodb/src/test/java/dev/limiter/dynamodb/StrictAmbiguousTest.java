package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.backend.BucketKey;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.schema.ItemSize;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.dynamodb.testkit.FaultProxy;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.AmbiguousFailure;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, items 3 and 4, on the strict engine: writes applied whose answer was lost, retried by the SDK. A
 * {@link FaultProxy} in front of the engine applies a write, lets {@value #OTHER_WRITES} writes of another writer land
 * on the same bucket (one by each of 31 others on a key 32 writers share, and more), then answers 500: the retry must
 * recognise its own landed write among the bucket's recent tokens rather than charge again. A cascade's settlement is
 * one transaction, whose retry the engine answers from its client request token.
 */
class StrictAmbiguousTest extends StrictEngineTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100_000);
    private static final int OTHER_WRITES = 40;

    private final FaultProxy faults;
    private final DynamoDbAsyncClient proxied;
    private String namespace;
    private RateLimiter limiter;
    private RateLimiter other;

    StrictAmbiguousTest() throws IOException {
        this.faults = new FaultProxy(engine.endpoint());
        this.proxied = engine.client(faults.endpoint());
    }

    @BeforeEach
    void newLimiters() {
        faults.disarm();
        namespace = TestTable.uniqueNamespace("s");
        ManualClock clock = ManualClock.create();
        limiter = limiter(proxied, clock);
        other = limiter(client, clock);
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("u1", "org").withCascade(true));
        limiter.acquire(request("hot", 1)).commit();
        other.acquire(request("hot", 1)).commit();
    }

    @AfterAll
    void closeProxy() {
        faults.close();
        proxied.close();
    }

    @Test
    void acquire_appliedThenLostWhileOthersWroteTheBucket_isChargedOnce() {
        faults.betweenApplyAndFailure(this::otherWrites);
        faults.arm(FaultProxy.Fault.APPLY_THEN_FAIL, 1, "UpdateItem");

        Lease lease = limiter.acquire(request("hot", 5));

        assertThat(lease.charged()).containsEntry("rpm", 5L);
        assertThat(consumed("hot")).isEqualTo(2 + OTHER_WRITES + 5);
    }

    @Test
    void commit_appliedThenLostWhileOthersWroteTheBucket_isAppliedOnce() {
        Lease lease = limiter.acquire(request("hot", 5));
        lease.adjust("rpm", 7);
        faults.betweenApplyAndFailure(this::otherWrites);
        faults.arm(FaultProxy.Fault.APPLY_THEN_FAIL, 1, "UpdateItem");

        lease.commit();

        assertThat(consumed("hot")).isEqualTo(2 + 5 + OTHER_WRITES + 7);
    }

    @Test
    void commitOfACascade_appliedThenDropped_isReplayedFromItsTokenAndAppliedOnce() {
        Lease lease = limiter.acquire(request("u1", 5));
        lease.adjust("rpm", 7);
        control.failAfterApply(engine.table(), "TransactWriteItems", 1, AmbiguousFailure.DROP);

        lease.commit();

        assertThat(control.stats(engine.table()).idempotentReplays()).isEqualTo(1);
        assertThat(List.of(consumed("u1"), consumed("org"))).containsExactly(12L, 12L);
    }

    @Test
    void acquire_manyWritesOfOneKey_keepTheRecentTokensBounded() {
        for (int i = 0; i < 150; i++) {
            (i % 2 == 0 ? limiter : other).acquire(request("hot", 1)).commit();
        }

        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(engine.table()).consistentRead(true)
                .key(Keys.bucket(new BucketKey(namespace, "hot", "api")).toAttributes())).join().item();

        assertThat(item.get("lt").l()).hasSizeBetween(48, 56);
        assertThat(ItemSize.bytes(item)).isLessThan(1024);
    }

    /** Writes the bucket through the other limiter while the proxied write is applied but not yet answered. */
    private void otherWrites() {
        for (int i = 0; i < OTHER_WRITES; i++) {
            other.acquire(request("hot", 1)).commit();
        }
    }

    private RateLimiter limiter(DynamoDbAsyncClient client, ManualClock clock) {
        RateLimiter built = RateLimiter.builder().namespace(namespace).clock(clock)
                .backend(engine.backend(client, 2, Duration.ofMillis(1), Duration.ofMillis(4))).build();
        built.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));
        return built;
    }

    private static AcquireRequest request(String entity, long amount) {
        return AcquireRequest.of(entity, "api").consume("rpm", amount);
    }

    private long consumed(String entity) {
        return engine.consumed(client, new BucketKey(namespace, entity, "api"), "rpm");
    }
}
