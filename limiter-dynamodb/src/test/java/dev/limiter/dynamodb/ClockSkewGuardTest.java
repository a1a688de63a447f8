package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.ClockSkewException;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterListener;
import dev.limiter.backend.BucketKey;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A host whose clock runs ahead of DynamoDB's by more than the bound is refused writes (issue 9, item 5): such a
 * host pushes TATs into the future and locks correct clients out. The clocks are the system clock shifted by an
 * injected offset, compared with the server's {@code Date} header; the offsets (a minute) dwarf the header's one
 * second resolution and any latency, and nothing waits.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockSkewGuardTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100);
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final long AHEAD = Duration.ofMinutes(1).toNanos();

    private final TestTable table;
    private final AtomicLong offsetNanos = new AtomicLong();
    private final List<ClockSkewException> events = new CopyOnWriteArrayList<>();
    private DynamoDbBackend backend;
    private RateLimiter limiter;

    ClockSkewGuardTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @BeforeEach
    void newLimiter() {
        offsetNanos.set(0);
        events.clear();
        backend = DynamoDbBackend.builder().client(table.client()).tableName(table.name()).maxClockSkew(BOUND).build();
        InstantSource system = InstantSource.system();
        InstantSource shifted = () -> system.instant().plusNanos(offsetNanos.get());
        limiter = RateLimiter.builder().backend(backend).clock(shifted).namespace(TestTable.uniqueNamespace("k"))
                .listener(new RateLimiterListener() {
                    @Override
                    public void onClockSkew(String entity, String resource, ClockSkewException refusal) {
                        events.add(refusal);
                    }
                }).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));
    }

    @AfterAll
    void closeTable() {
        table.close();
    }

    @Test
    void acquire_clockAheadBeyondTheBound_isRefusedWithoutWritingAndReported() {
        offsetNanos.set(AHEAD);
        limiter.acquire(request()).commit(); // the first write precedes any estimate
        table.log().clear();

        assertThatThrownBy(() -> limiter.acquire(request())).isInstanceOf(ClockSkewException.class)
                .hasMessageContaining("ahead of the store's").hasMessageContaining("more than the allowed 5000 ms");

        assertThat(table.log().counts()).as("one probe, no write").containsOnlyKeys("GetItem");
        assertThat(consumed()).isEqualTo(1);
        assertThat(events).singleElement().satisfies(refusal -> {
            assertThat(refusal.aheadBy()).isGreaterThan(Duration.ofSeconds(50)).isLessThan(Duration.ofSeconds(61));
            assertThat(refusal.bound()).isEqualTo(BOUND);
        });
        assertThat(backend.clockAheadAtLeast()).hasValueSatisfying(
                ahead -> assertThat(ahead).isGreaterThan(Duration.ofSeconds(50)));
    }

    @Test
    void acquire_clockCorrectedAfterARefusal_isGrantedAgain() {
        offsetNanos.set(AHEAD);
        limiter.acquire(request()).commit();
        assertThatThrownBy(() -> limiter.acquire(request())).isInstanceOf(ClockSkewException.class);
        offsetNanos.set(0);

        limiter.acquire(AcquireRequest.of("u2", "api").consume("rpm", 1)).commit();

        assertThat(consumed("u2")).as("u1 is locked out: the one early write pushed its TAT a minute ahead")
                .isEqualTo(1);
        assertThat(backend.clockAheadAtLeast()).isEmpty();
    }

    @Test
    void acquire_clockBehind_isNotRefused() {
        offsetNanos.set(-AHEAD);

        for (int i = 0; i < 3; i++) {
            limiter.acquire(request()).commit();
        }

        assertThat(consumed()).isEqualTo(3);
        assertThat(events).isEmpty();
    }

    @Test
    void acquire_correctClock_isNeverRefused() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(request()).commit();
        }

        assertThat(consumed()).isEqualTo(3);
        assertThat(backend.clockAheadAtLeast()).isEmpty();
    }

    private static AcquireRequest request() {
        return AcquireRequest.of("u1", "api").consume("rpm", 1);
    }

    private long consumed() {
        return consumed("u1");
    }

    private long consumed(String entity) {
        return Futures.join(backend.read(List.of(new BucketKey(limiter.namespace(), entity, "api")))).get(0).state()
                .find("rpm").orElseThrow().consumedTokens();
    }
}
