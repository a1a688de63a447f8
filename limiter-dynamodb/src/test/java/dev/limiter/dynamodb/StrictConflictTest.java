package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.backend.BucketKey;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, items 1 and 3, on the strict engine: a cascade's {@code TransactWriteItems} holds its items for a second
 * while other requests are served, so a direct write to the parent gets {@code TransactionConflictException} and an
 * overlapping transaction is cancelled with {@code TransactionConflict}. The backend waits the hold out with
 * jittered exponential backoff (50 ms doubling to 1 s, 8 retries: longer in all than the hold) instead of reporting
 * DynamoDB unavailable. The holding cascade comes from a second limiter with a backend of its own, as another process
 * would: within one backend, transactions on a parent queue behind each other and do not conflict at all.
 */
class StrictConflictTest extends StrictEngineTest {

    private static final Limit RPM = Limit.perMinute("rpm", 1_000);
    private static final Duration HOLD = Duration.ofSeconds(1);
    private static final Duration AWAIT = Duration.ofSeconds(30);

    private String namespace;
    private RateLimiter limiter;
    private RateLimiter holder;

    @BeforeEach
    void newLimiter() {
        namespace = TestTable.uniqueNamespace("s");
        ManualClock clock = ManualClock.create();
        limiter = limiter(clock);
        holder = limiter(clock);
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("u1", "org").withCascade(true));
        limiter.entities().put(Entity.child("u2", "org").withCascade(true));
        limiter.explain("u1", "api");
        limiter.explain("u2", "api");
        limiter.explain("org", "api");
        holder.explain("u1", "api");
        holder.explain("u2", "api");
    }

    private RateLimiter limiter(ManualClock clock) {
        return RateLimiter.builder().namespace(namespace).clock(clock)
                .backend(engine.backend(client, 8, Duration.ofMillis(50), Duration.ofSeconds(1))).build();
    }

    @Test
    void acquire_onAParentHeldByACascade_waitsOutTheHoldAndCharges() {
        CompletableFuture<Lease> cascade = holdingCascade("u1");

        Lease direct = limiter.acquire(request("org", 1));

        cascade.join().commit();
        assertThat(direct.isDegraded()).isFalse();
        assertThat(control.stats(engine.table()).conflicts()).isPositive();
        assertThat(consumed("org")).isEqualTo(2);
    }

    @Test
    void cascade_overlappingACascadeOnTheSameParent_isResentAfterTheHold() {
        CompletableFuture<Lease> first = holdingCascade("u1");

        Lease second = limiter.acquire(request("u2", 1));

        first.join().commit();
        assertThat(second.isDegraded()).isFalse();
        assertThat(control.stats(engine.table()).conflicts()).isPositive();
        assertThat(List.of(consumed("u1"), consumed("u2"), consumed("org"))).containsExactly(1L, 1L, 2L);
    }

    @Test
    void commitOfACascade_whileTheParentIsHeld_isResentAndAppliedOnceAtEveryLevel() {
        Lease lease = limiter.acquire(request("u1", 1));
        lease.adjust("rpm", 4);
        CompletableFuture<Lease> other = holdingCascade("u2");

        lease.commit();

        other.join().commit();
        assertThat(control.stats(engine.table()).conflicts()).isPositive();
        assertThat(List.of(consumed("u1"), consumed("u2"), consumed("org"))).containsExactly(5L, 1L, 6L);
    }

    @Test
    void cascade_twoOfOneBackendOnTheSameParent_queueWithoutConflicting() {
        control.holdTransactions(engine.table(), HOLD);
        CompletableFuture<Lease> first = limiter.acquireAsync(request("u1", 1));

        Lease second = limiter.acquire(request("u2", 1));

        first.join().commit();
        assertThat(second.isDegraded()).isFalse();
        assertThat(control.stats(engine.table()).conflicts()).isZero();
        assertThat(List.of(consumed("u1"), consumed("u2"), consumed("org"))).containsExactly(1L, 1L, 2L);
    }

    /**
     * Starts a cascade acquire for {@code child} through the other limiter and returns once its transaction holds
     * the items.
     */
    private CompletableFuture<Lease> holdingCascade(String child) {
        control.holdTransactions(engine.table(), HOLD);
        CompletableFuture<Lease> cascade = holder.acquireAsync(request(child, 1));
        control.awaitHolding(engine.table(), 1, AWAIT);
        control.holdTransactions(engine.table(), Duration.ZERO);
        return cascade;
    }

    private static AcquireRequest request(String entity, long amount) {
        return AcquireRequest.of(entity, "api").consume("rpm", amount);
    }

    private long consumed(String entity) {
        return engine.consumed(client, new BucketKey(namespace, entity, "api"), "rpm");
    }
}
