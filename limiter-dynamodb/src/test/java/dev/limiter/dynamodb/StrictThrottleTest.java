package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.OnUnavailable;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, item 2, on the strict engine: each partition key may take {@value #UNITS_PER_SECOND} write units per
 * second (one every 2 s for single writes), so a write to a key right after the key's budget was spent is throttled ({@code ThrottlingException} for a single
 * write, a {@code ThrottlingError} reason in a transaction) well past the SDK's retries and the backend's short
 * budget here. The limiter's policy is {@code ALLOW}: a key that is over DynamoDB's rate must be rejected with a
 * retry-after, never admitted unmetered.
 */
class StrictThrottleTest extends StrictEngineTest {

    private static final Limit RPM = Limit.perMinute("rpm", 1_000);
    private static final double UNITS_PER_SECOND = 2;
    /** One unit every 2 s for the single-write tests: a key's bucket holds one unit, refilled long after the retries. */
    private static final double SLOW_UNITS_PER_SECOND = 0.5;

    private String namespace;
    private RateLimiter limiter;

    @BeforeEach
    void newLimiter() {
        namespace = TestTable.uniqueNamespace("s");
        limiter = RateLimiter.builder().namespace(namespace).clock(ManualClock.create())
                .onUnavailable(OnUnavailable.ALLOW)
                .backend(engine.backend(client, 2, Duration.ofMillis(1), Duration.ofMillis(4))).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("u1", "org").withCascade(true));
        limiter.entities().put(Entity.child("u2", "org").withCascade(true));
        limiter.explain("u1", "api");
        limiter.explain("u2", "api");
        limiter.explain("org", "api");
        control.throttleWrites(engine.table(), UNITS_PER_SECOND);
    }

    @Test
    void acquire_keyOverDynamoDbsRatePastTheBudget_isRejectedWithARetryAfterNotAdmitted() {
        control.throttleWrites(engine.table(), SLOW_UNITS_PER_SECOND);
        limiter.acquire(request("org", 1)).commit();

        Decision decision = limiter.tryAcquire(request("org", 1));

        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        Decision.Rejected rejected = (Decision.Rejected) decision;
        assertThat(rejected.violations()).extracting(LimitStatus::limitName, LimitStatus::entity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dynamodb.key-write-rate", "org"));
        assertThat(rejected.retryAfter()).isPositive();
        assertThat(rejected.toException().getMessage()).contains("dynamodb.key-write-rate");
        assertThat(control.stats(engine.table()).throttles()).isPositive();
        assertThat(consumed("org")).isEqualTo(1);
    }

    @Test
    void acquire_anotherKeyWhileOneIsThrottled_isGranted() {
        control.throttleWrites(engine.table(), SLOW_UNITS_PER_SECOND);
        limiter.acquire(request("org", 1)).commit();
        limiter.tryAcquire(request("org", 1));

        Lease other = limiter.acquire(request("solo", 1));

        assertThat(other.isDegraded()).isFalse();
        assertThat(consumed("solo")).isEqualTo(1);
    }

    @Test
    void cascade_parentOverDynamoDbsRatePastTheBudget_isRejectedNamingTheParent() {
        limiter.acquire(request("u1", 1)).commit();

        Decision decision = limiter.tryAcquire(request("u2", 1));

        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) decision).violations()).extracting(LimitStatus::limitName, LimitStatus::entity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dynamodb.key-write-rate", "org"));
        assertThat(consumed("u2")).isZero();
        assertThat(consumed("org")).isEqualTo(1);
    }

    private static AcquireRequest request(String entity, long amount) {
        return AcquireRequest.of(entity, "api").consume("rpm", amount);
    }

    private long consumed(String entity) {
        return engine.consumed(client, new BucketKey(namespace, entity, "api"), "rpm");
    }
}
