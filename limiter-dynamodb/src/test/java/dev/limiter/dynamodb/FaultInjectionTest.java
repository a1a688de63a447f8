package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.BucketState;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.testkit.FaultPath;
import dev.limiter.dynamodb.testkit.FaultProxy;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults injected between the SDK and DynamoDB by a {@link FaultProxy}: throttling and 500s within and beyond
 * the client's retries, requests hanging past the attempt timeout, and writes applied but reported as failed. The
 * client retries 3 attempts with short backoff and a 2 s attempt timeout.
 */
class FaultInjectionTest extends FaultPathTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100);
    private static final int SDK_ATTEMPTS = 3;
    /**
     * Short enough for the hanging test (three attempts), long enough for a loaded 2-core machine: the limiter's
     * own configuration reads go through this client too, and at 500 ms they timed out under load.
     */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbTestEndpoint endpoint;
    private final TestTable fixture;

    FaultInjectionTest(DynamoDbTestEndpoint endpoint) {
        super(FaultPath.create(endpoint, SDK_ATTEMPTS, Duration.ofMillis(5), Duration.ofMillis(50), ATTEMPT_TIMEOUT,
                Duration.ofSeconds(15)), "f");
        this.endpoint = endpoint;
        this.fixture = path.table();
    }

    // ---- transient faults within the client's retries ----

    @Test
    void acquire_throttledTwice_succeedsOnThirdAttempt() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        faults.arm(FaultProxy.Fault.THROTTLE, 2, "UpdateItem");
        log.clear();

        Lease lease = limiter.acquire(request(5));

        assertThat(lease.charged()).containsEntry("rpm", 5L);
        assertThat(log.counts()).containsEntry("UpdateItem", 3);
        assertThat(consumed("u1")).isEqualTo(5);
    }

    @Test
    void acquire_serverErrorOnce_succeedsOnRetry() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        faults.arm(FaultProxy.Fault.SERVER_ERROR, 1, "UpdateItem");

        Lease lease = limiter.acquire(request(5));

        assertThat(lease.isDegraded()).isFalse();
        assertThat(consumed("u1")).isEqualTo(5);
    }

    // ---- faults that outlast the retries ----

    @Test
    void acquire_throttledBeyondTheClientsRetries_isResentByTheBackendAndCharged() {
        // Issue 9: throttling is the key's, not an outage; past the backend's budget it is a rejection
        // (TransientFaultTest), never OnUnavailable's.
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        faults.arm(FaultProxy.Fault.THROTTLE, SDK_ATTEMPTS, "UpdateItem");
        log.clear();

        Lease lease = limiter.acquire(request(5));

        assertThat(lease.isDegraded()).isFalse();
        assertThat(log.counts()).containsEntry("UpdateItem", SDK_ATTEMPTS + 1);
        assertThat(consumed("u1")).isEqualTo(5);
    }

    @Test
    void acquire_serverErrorsBeyondRetriesUnderAllow_grantsDegradedLease() {
        RateLimiter limiter = limiter(OnUnavailable.ALLOW);
        faults.arm(FaultProxy.Fault.SERVER_ERROR, SDK_ATTEMPTS, "UpdateItem");

        Lease lease = limiter.acquire(request(5));

        assertThat(lease.isDegraded()).isTrue();
        lease.commit();
        assertThat(stored("u1")).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void acquire_hangingPastAttemptTimeoutUnderBlock_throwsUnavailable() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        faults.arm(FaultProxy.Fault.HANG, SDK_ATTEMPTS, "UpdateItem");

        assertThatThrownBy(() -> limiter.acquire(request(5))).isInstanceOf(RateLimiterUnavailableException.class);
        assertThat(stored("u1")).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void commit_failingBeyondRetriesUnderBlock_keepsLeaseOpenForARetry() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        Lease lease = limiter.acquire(request(5));
        lease.adjust("rpm", 10);
        faults.arm(FaultProxy.Fault.SERVER_ERROR, SDK_ATTEMPTS, "UpdateItem");

        assertThatThrownBy(lease::commit).isInstanceOf(RateLimiterUnavailableException.class);
        assertThat(lease.isOpen()).isTrue();
        lease.commit();

        assertThat(consumed("u1")).isEqualTo(15);
    }

    // ---- applied writes whose response was lost ----

    @Test
    void acquire_appliedButResponseLost_isChargedOnce() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        limiter.acquire(request(1)).commit();
        faults.arm(FaultProxy.Fault.APPLY_THEN_FAIL, 1, "UpdateItem");
        log.clear();

        Lease lease = limiter.acquire(request(5));

        assertThat(log.counts()).containsEntry("UpdateItem", 2);
        assertThat(lease.charged()).containsEntry("rpm", 5L);
        assertThat(consumed("u1")).isEqualTo(6);
    }

    @Test
    void settle_appliedButResponseLost_isAppliedOnce() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        Lease lease = limiter.acquire(request(5));
        lease.adjust("rpm", 7);
        faults.arm(FaultProxy.Fault.APPLY_THEN_FAIL, 1, "UpdateItem");

        lease.commit();

        assertThat(consumed("u1")).isEqualTo(12);
    }

    @Test
    void cascade_appliedButResponseLost_isChargedOnceAtEveryLevel() {
        RateLimiter limiter = limiter(OnUnavailable.BLOCK);
        fixture().entities().put(Entity.root("org"));
        fixture().entities().put(Entity.child("u1", "org").withCascade(true));
        faults.arm(FaultProxy.Fault.APPLY_THEN_FAIL, 1, "TransactWriteItems");
        log.clear();

        limiter.acquire(request(5)).commit();

        assertThat(log.counts()).containsEntry("TransactWriteItems", 2);
        assertThat(List.of(consumed("u1"), consumed("org"))).containsExactly(5L, 5L);
    }

    private RateLimiter limiter(OnUnavailable policy) {
        fixture().configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));
        return RateLimiter.builder().backend(backend()).clock(clock).namespace(namespace).onUnavailable(policy).build();
    }

    /** A limiter on the fixture client, to write configurations and entities outside the fault path. */
    private RateLimiter fixture() {
        return RateLimiter.builder().backend(fixture.backend()).clock(clock).namespace(namespace).build();
    }

    private DynamoDbBackend backend() {
        return DynamoDbBackend.builder().client(client).tableName(endpoint.tableName()).build();
    }

    private static AcquireRequest request(long amount) {
        return AcquireRequest.of("u1", "api").consume("rpm", amount);
    }

    private BucketState stored(String entity) {
        return path.stored(new BucketKey(namespace, entity, "api"));
    }

    private long consumed(String entity) {
        return stored(entity).find("rpm").map(state -> state.consumedTokens()).orElse(0L);
    }

}
