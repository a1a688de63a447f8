package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DynamoDB request counts of the hot path (DESIGN.md §4), counted per HTTP attempt by an SDK interceptor.
 * "Warm" means this process's caches already hold the configuration and the bucket.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestCountTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100);
    private static final Limit TPM = Limit.perMinute("tpm", 10_000);

    private final TestTable table;
    private ManualClock clock;
    private RateLimiter limiter;

    RequestCountTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @BeforeEach
    void newLimiter() {
        clock = ManualClock.create();
        limiter = RateLimiter.builder().backend(table.backend()).clock(clock)
                .namespace(TestTable.uniqueNamespace("n")).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM, TPM));
    }

    @AfterAll
    void closeTable() {
        table.close();
    }

    @Test
    void acquire_warmUncontended_isOneUpdateItemAndNoRead() {
        warmUp("u1");
        clock.advance(Duration.ofMillis(10));
        table.log().clear();

        Lease lease = limiter.acquire(llmCall("u1", 500));

        assertThat(lease.charged()).containsEntry("tpm", 500L);
        assertThat(table.log().counts()).containsExactly(Map.entry("UpdateItem", 1));
    }

    @Test
    void acquire_firstEverForBucket_isOneUpdateItemAfterConfigLoads() {
        limiter.acquire(llmCall("u0", 1)).commit();
        table.log().clear();

        limiter.acquire(llmCall("fresh", 10)).commit();

        // Config scopes already cached; the new entity costs its own 3 config/entity reads, then one write.
        assertThat(table.log().counts()).containsEntry("UpdateItem", 1).doesNotContainKey("TransactWriteItems");
        assertThat(table.log().total()).isEqualTo(table.log().counts().getOrDefault("GetItem", 0) + 1);
    }

    @Test
    void acquire_rejected_isTheFailedWriteAloneWithExactRetryAfter() {
        warmUp("u1");
        limiter.acquire(llmCall("u1", 9_000)).commit();
        table.log().clear();

        Decision decision = limiter.tryAcquire(llmCall("u1", 2_000));

        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class,
                // 9,001 of 10,000 used; 2,000 more fit once 1,001 have refilled, at 6 ms per token.
                rejected -> assertThat(rejected.retryAfter()).isEqualTo(Duration.ofMillis(1_001 * 6)));
        assertThat(table.log().counts()).containsExactly(Map.entry("UpdateItem", 1));
    }

    @Test
    void acquire_cascadeDepthThree_isOneTransactionAndNoRead() {
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("team", "org").withCascade(true));
        limiter.entities().put(Entity.child("user", "team").withCascade(true));
        limiter.acquire(llmCall("user", 10)).commit();
        clock.advance(Duration.ofMillis(10));
        table.log().clear();

        Lease lease = limiter.acquire(llmCall("user", 10));

        assertThat(lease.statuses()).extracting(s -> s.entity()).containsExactly("user", "user", "team", "team", "org", "org");
        assertThat(table.log().counts()).containsExactly(Map.entry("TransactWriteItems", 1));
    }

    @Test
    void commit_withAdjustmentOnACascade_isOneTransactionOverEveryChargedBucket() {
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("team", "org").withCascade(true));
        limiter.entities().put(Entity.child("user", "team").withCascade(true));
        Lease lease = limiter.acquire(llmCall("user", 500));
        lease.adjust("tpm", 1_230);
        table.log().clear();

        lease.commit();

        // One request, all or nothing (issue 9): parent and child never drift apart; 2 write units per item.
        assertThat(table.log().counts()).containsExactly(Map.entry("TransactWriteItems", 1));
    }

    @Test
    void commit_withoutAdjustment_writesNothing() {
        warmUp("u1");
        Lease lease = limiter.acquire(llmCall("u1", 500));
        table.log().clear();

        lease.commit();

        assertThat(table.log().total()).isZero();
    }

    @Test
    void rollback_singleBucket_isOneUpdateItem() {
        warmUp("u1");
        Lease lease = limiter.acquire(llmCall("u1", 500));
        table.log().clear();

        lease.rollback();

        assertThat(table.log().counts()).containsExactly(Map.entry("UpdateItem", 1));
    }

    @Test
    void check_warm_isOneGetItemAndNoWrite() {
        warmUp("u1");
        table.log().clear();

        limiter.check(llmCall("u1", 500));

        assertThat(table.log().counts()).containsExactly(Map.entry("GetItem", 1));
    }

    @Test
    void check_cascadeDepthThree_isOneGetItemPerBucketAndNoWrite() {
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("team", "org").withCascade(true));
        limiter.entities().put(Entity.child("member", "team").withCascade(true));
        limiter.acquire(llmCall("member", 1)).commit();
        table.log().clear();

        limiter.check(llmCall("member", 1));

        assertThat(table.log().counts()).containsExactly(Map.entry("GetItem", 3));
    }

    @Test
    void acquire_shadowLimitExhausted_isTheFailedWriteAndOneWriteWithoutIt() {
        Limit shadow = Limit.perMinute("trial", 1).asShadow();
        AcquireRequest call = llmCall("u1", 10).consume("trial", 1).withLimits(shadow);
        limiter.acquire(call).commit();
        clock.advance(Duration.ofMillis(10));
        limiter.acquire(call).commit();
        clock.advance(Duration.ofMillis(10));
        table.log().clear();

        Lease lease = limiter.acquire(call);

        assertThat(lease.shadowRejections()).extracting(status -> status.limitName()).containsExactly("trial");
        assertThat(table.log().counts()).containsExactly(Map.entry("UpdateItem", 2));
    }

    private void warmUp(String entity) {
        limiter.acquire(llmCall(entity, 1)).commit();
    }

    private static AcquireRequest llmCall(String entity, long tokens) {
        return AcquireRequest.of(entity, "gpt-4").consume("rpm", 1).consume("tpm", tokens);
    }
}
