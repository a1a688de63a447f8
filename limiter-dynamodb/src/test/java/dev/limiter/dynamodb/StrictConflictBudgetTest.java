package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.backend.BucketKey;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.acquire.RetryBudget;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9, part C, on the strict engine: a cascade whose parent another process's transaction holds is resent within
 * the {@link RetryBudget}'s conflict budget, and one that outlasts it is unavailable with a message that says why.
 * The interleaving is driven by the engine's control API, not by timing: the other process's cascade holds the
 * parent until the test releases it, which a counting interceptor does after a chosen number of conflicts.
 */
class StrictConflictBudgetTest extends StrictEngineTest {

    private static final Limit RPM = Limit.perMinute("rpm", 1_000);
    private static final Duration HOLD = Duration.ofMinutes(5);
    private static final Duration AWAIT = Duration.ofSeconds(30);
    /** More conflicts than the whole budget before issue 9's part C allowed (10 retries, steps up to 500 ms). */
    private static final int CONFLICTS = 12;

    private final ConflictCounter writerSends = new ConflictCounter();
    private final DynamoDbAsyncClient writerClient = engine.client(engine.endpoint(), writerSends);
    private final ManualClock clock = ManualClock.create();
    private String namespace;
    private RateLimiter holder;

    @BeforeEach
    void newHolder() {
        writerSends.reset(Integer.MAX_VALUE);
        namespace = TestTable.uniqueNamespace("s");
        holder = limiter(client, RetryBudget.DEFAULT);
        holder.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));
        holder.entities().put(Entity.root("org"));
        holder.entities().put(Entity.child("u1", "org").withCascade(true));
        holder.entities().put(Entity.child("u2", "org").withCascade(true));
        holder.explain("u1", "api");
    }

    @AfterEach
    void releaseHolder() {
        control.releaseHeld(engine.table());
    }

    @AfterAll
    void closeWriter() {
        writerClient.close();
    }

    @Test
    void cascade_parentHeldThroughMoreConflictsThanTheOldBudget_isChargedWithinTheDefaultBudget() {
        RateLimiter writer = writer(RetryBudget.DEFAULT);
        writerSends.reset(CONFLICTS);
        CompletableFuture<Lease> held = holdParent();

        Lease lease = writer.acquire(request("u2"));

        held.join().commit();
        assertThat(lease.isDegraded()).isFalse();
        // The release takes effect at the engine a moment later, so a resend may still find the parent held.
        assertThat(writerSends.conflicts()).as("conflicts of the writer's transaction")
                .isGreaterThanOrEqualTo(CONFLICTS);
        assertThat(writerSends.sends()).as("sends: every conflict resent once").isEqualTo(writerSends.conflicts() + 1);
        assertThat(List.of(consumed("u1"), consumed("u2"), consumed("org"))).containsExactly(1L, 1L, 2L);
    }

    @Test
    void cascade_parentHeldPastTheConflictBudget_isUnavailableNamingTheBucketsAndTheBudget() {
        RateLimiter writer = writer(RetryBudget.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(4))
                .withConflicts(Duration.ofMillis(4), 3));
        holdParent();

        assertThatThrownBy(() -> writer.acquire(request("u2")))
                .isInstanceOf(RateLimiterUnavailableException.class)
                .hasMessageContaining("table '" + engine.table() + "' of bucket(s) u2/api, org/api")
                .hasMessageContaining("held by other transactions through 3 backed-off retries")
                .hasMessageContaining("conflictRetries 3")
                .hasMessageContaining("DynamoDbBackendBuilder.retryBudget");
        assertThat(writerSends.sends()).as("the first send and 3 retries").isEqualTo(4);
        assertThat(writerSends.conflicts()).isEqualTo(4);
        assertThat(consumed("u2")).isZero();
    }

    /** Starts the other process's cascade on {@code u1} and returns once its transaction holds {@code org}. */
    private CompletableFuture<Lease> holdParent() {
        control.holdTransactions(engine.table(), HOLD);
        CompletableFuture<Lease> cascade = holder.acquireAsync(request("u1"));
        control.awaitHolding(engine.table(), 1, AWAIT);
        control.holdTransactions(engine.table(), Duration.ZERO);
        return cascade;
    }

    private RateLimiter writer(RetryBudget budget) {
        RateLimiter writer = limiter(writerClient, budget);
        writer.explain("u2", "api");
        return writer;
    }

    private RateLimiter limiter(DynamoDbAsyncClient client, RetryBudget budget) {
        DynamoDbBackend backend = DynamoDbBackend.builder().client(client).tableName(engine.table())
                .retryBudget(budget).jitter(new SplittableRandom(StrictEngine.SEED)).build();
        return RateLimiter.builder().namespace(namespace).clock(clock).backend(backend).build();
    }

    private static AcquireRequest request(String entity) {
        return AcquireRequest.of(entity, "api").consume("rpm", 1);
    }

    private long consumed(String entity) {
        return engine.consumed(client, new BucketKey(namespace, entity, "api"), "rpm");
    }

    /**
     * Counts the writer's {@code TransactWriteItems} sends and the ones cancelled, and releases the held parent once
     * {@code releaseAfter} of them were cancelled: the next resend then finds the parent free.
     */
    private final class ConflictCounter implements ExecutionInterceptor {

        private final AtomicInteger sends = new AtomicInteger();
        private final AtomicInteger conflicts = new AtomicInteger();
        private volatile int releaseAfter;

        void reset(int conflictsBeforeRelease) {
            sends.set(0);
            conflicts.set(0);
            releaseAfter = conflictsBeforeRelease;
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest) {
                sends.incrementAndGet();
            }
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest
                    && conflicts.incrementAndGet() == releaseAfter) {
                control.releaseHeld(engine.table());
            }
        }

        int sends() {
            return sends.get();
        }

        int conflicts() {
            return conflicts.get();
        }
    }
}
