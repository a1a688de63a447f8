package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.backend.BucketKey;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.testkit.FaultPath;
import dev.limiter.dynamodb.testkit.FaultProxy;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes DynamoDB refuses for transient reasons, injected by a {@link FaultProxy} in DynamoDB's error shapes: an item
 * held by a transaction ({@code TransactionConflictException}), transactions cancelled for conflicts or throttling,
 * and throttling that outlasts the retry budget. The table is created outside the fault path. The client makes 3
 * attempts per call; the backend resends transient refusals {@value #RETRIES} times with millisecond backoff.
 */
class TransientFaultTest extends FaultPathTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100);
    private static final int SDK_ATTEMPTS = 3;
    private static final int RETRIES = 2;
    private static final long SEED = Long.getLong("limiter.seed", 9L);

    TransientFaultTest(DynamoDbTestEndpoint endpoint) {
        super(FaultPath.create(endpoint, SDK_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(5),
                Duration.ofSeconds(10), Duration.ofSeconds(30)), "t");
    }

    @Test
    void acquire_itemHeldByTransactionTwice_isResentAndChargedOnce() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        faults.arm(FaultProxy.Fault.CONFLICT, 2, "UpdateItem");
        log.clear();

        Lease lease = limiter.acquire(request("u1", 5));

        assertThat(lease.isDegraded()).isFalse();
        assertThat(log.counts()).containsEntry("UpdateItem", 3);
        assertThat(consumed("u1")).isEqualTo(5);
    }

    @Test
    void acquire_itemHeldPastTheBudget_isUnavailableAndChargesNothing() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        faults.arm(FaultProxy.Fault.CONFLICT, RETRIES + 1, "UpdateItem");

        assertThatThrownBy(() -> limiter.acquire(request("u1", 5)))
                .isInstanceOf(RateLimiterUnavailableException.class).hasMessageContaining("held by other transactions");
        assertThat(consumed("u1")).isZero();
    }

    @Test
    void acquire_keyThrottledPastTheBudgetUnderAllow_isRejectedNamingDynamoDbsRate() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        faults.arm(FaultProxy.Fault.THROTTLE, SDK_ATTEMPTS * (RETRIES + 1), "UpdateItem");
        log.clear();

        Decision decision = limiter.tryAcquire(request("u1", 5));

        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        Decision.Rejected rejected = (Decision.Rejected) decision;
        assertThat(rejected.violations()).extracting(LimitStatus::limitName).containsExactly("dynamodb.key-write-rate");
        assertThat(rejected.retryAfter()).isPositive();
        assertThat(log.counts()).containsEntry("UpdateItem", SDK_ATTEMPTS * (RETRIES + 1));
        assertThat(consumed("u1")).isZero();
    }

    @Test
    void cascade_cancelledForConflictsTwice_isResentAndChargesEveryLevelOnce() {
        RateLimiter limiter = cascading(OnUnavailable.BLOCK);
        faults.arm(FaultProxy.Fault.CANCEL_CONFLICT, 2, "TransactWriteItems");
        log.clear();

        limiter.acquire(request("u1", 5)).commit();

        assertThat(log.counts()).containsEntry("TransactWriteItems", 3);
        assertThat(List.of(consumed("u1"), consumed("org"))).containsExactly(5L, 5L);
    }

    @Test
    void cascade_cancelledForThrottlingPastTheBudget_isRejectedNotUnavailable() {
        RateLimiter limiter = cascading(OnUnavailable.ALLOW);
        faults.arm(FaultProxy.Fault.CANCEL_THROTTLED, RETRIES + 1, "TransactWriteItems");

        Decision decision = limiter.tryAcquire(request("u1", 5));

        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) decision).violations()).extracting(LimitStatus::entity)
                .containsExactlyInAnyOrder("u1", "org");
        assertThat(List.of(consumed("u1"), consumed("org"))).containsExactly(0L, 0L);
    }

    @Test
    void commit_itemHeldByTransactionOnce_isResentAndAppliedOnce() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        Lease lease = limiter.acquire(request("u1", 5));
        lease.adjust("rpm", 7);
        faults.arm(FaultProxy.Fault.CONFLICT, 1, "UpdateItem");

        lease.commit();

        assertThat(consumed("u1")).isEqualTo(12);
    }

    @Test
    void commitOfCascade_cancelledPastTheBudget_changesNoLevelAndCanBeRetried() {
        RateLimiter limiter = cascading(OnUnavailable.BLOCK);
        Lease lease = limiter.acquire(request("u1", 5));
        lease.adjust("rpm", 7);
        faults.arm(FaultProxy.Fault.CANCEL_THROTTLED, RETRIES + 1, "TransactWriteItems");

        assertThatThrownBy(lease::commit).isInstanceOf(RateLimiterUnavailableException.class);
        assertThat(List.of(consumed("u1"), consumed("org"))).containsExactly(5L, 5L);
        lease.commit();

        assertThat(List.of(consumed("u1"), consumed("org"))).containsExactly(12L, 12L);
    }

    private RateLimiter cascading(OnUnavailable policy) {
        RateLimiter limiter = limiter(policy);
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("u1", "org").withCascade(true));
        return limiter;
    }

    private RateLimiter limiter(OnUnavailable policy) {
        DynamoDbBackend backend = DynamoDbBackend.builder().client(client).tableName(path.table().name())
                .transientRetries(RETRIES).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(4))
                .jitter(new SplittableRandom(SEED)).build();
        RateLimiter limiter = RateLimiter.builder().backend(backend).clock(clock).namespace(namespace)
                .onUnavailable(policy).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));
        return limiter;
    }

    private static AcquireRequest request(String entity, long amount) {
        return AcquireRequest.of(entity, "api").consume("rpm", amount);
    }

    private long consumed(String entity) {
        return path.consumed(new BucketKey(namespace, entity, "api"), "rpm");
    }
}
