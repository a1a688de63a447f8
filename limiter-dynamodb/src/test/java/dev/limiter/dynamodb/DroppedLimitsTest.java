package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.backend.BucketKey;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits removed from the configuration are dropped from a bucket item on its next write, but only once they are
 * full, so that a process still on the old configuration and one on the new never lose state between them (issue 9,
 * item 6: items used to keep every limit they ever had).
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DroppedLimitsTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100);
    private static final Limit OLD = Limit.perMinute("old", 10);

    private final TestTable table;
    private ManualClock clock;
    private String namespace;
    private RateLimiter limiter;

    DroppedLimitsTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @BeforeEach
    void configureBoth() {
        clock = ManualClock.create();
        namespace = TestTable.uniqueNamespace("d");
        limiter = limiter(Duration.ofSeconds(60));
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM, OLD));
        limiter.acquire(AcquireRequest.of("u1", "api").consume("rpm", 1).consume("old", 5)).commit();
    }

    @AfterAll
    void closeTable() {
        table.close();
    }

    @Test
    void acquire_limitNoLongerConfiguredAndFull_isDroppedFromTheItem() {
        clock.advance(Duration.ofMinutes(1));
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));

        limiter.acquire(rpm()).commit();

        assertThat(item()).doesNotContainKeys(Attributes.tat("old"), Attributes.consumed("old"),
                Attributes.params("old")).containsKeys(Attributes.tat("rpm"));
    }

    @Test
    void acquire_limitNoLongerConfiguredButBusy_isKeptUntilItIsFull() {
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));

        limiter.acquire(rpm()).commit();
        Map<String, AttributeValue> whileBusy = item();
        clock.advance(Duration.ofMinutes(1));
        limiter.acquire(rpm()).commit();

        assertThat(whileBusy).containsKeys(Attributes.tat("old"), Attributes.consumed("old"));
        assertThat(item()).doesNotContainKey(Attributes.tat("old"));
    }

    @Test
    void acquire_droppedLimitChargedMeanwhileByAProcessOnTheOldConfiguration_keepsItsState() {
        RateLimiter stale = limiter(Duration.ofHours(1));
        stale.acquire(rpm()).commit(); // loads the configuration with both limits and keeps it for an hour
        clock.advance(Duration.ofMinutes(1));
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));
        stale.acquire(AcquireRequest.of("u1", "api").consume("old", 7)).commit();
        table.log().clear();

        limiter.acquire(rpm()).commit();

        assertThat(table.log().counts()).as("the drop's condition failed once on the stale view")
                .containsEntry("UpdateItem", 2);
        assertThat(item().get(Attributes.consumed("old")).n()).isEqualTo("12");
    }

    @Test
    void acquire_cascadeAfterALimitWasRemoved_dropsItFromEveryBucketOfTheTransaction() {
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("u1", "org").withCascade(true));
        limiter.acquire(AcquireRequest.of("u1", "api").consume("rpm", 1).consume("old", 1)).commit();
        clock.advance(Duration.ofMinutes(1));
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));

        limiter.acquire(rpm()).commit();

        assertThat(item("org")).doesNotContainKey(Attributes.tat("old")).containsKey(Attributes.tat("rpm"));
        assertThat(item()).doesNotContainKey(Attributes.tat("old"));
    }

    @Test
    void acquire_maxLimitsBusyWhileDroppingStaleOnes_isAcceptedWithinDynamoDbExpressionLimits() {
        limiter.configs().set(ConfigScope.namespace(), new LimitConfig(longNamed("a"), Set.of()));
        limiter.acquire(all(longNamed("a"))).commit();
        clock.advance(Duration.ofMinutes(1));
        limiter.configs().set(ConfigScope.namespace(), new LimitConfig(longNamed("b"), Set.of()));
        limiter.acquire(all(longNamed("b"))).commit();
        clock.advance(Duration.ofMillis(1));

        limiter.acquire(all(longNamed("b"))).commit(); // busy branch for all 32, and 8 more stale limits dropped

        long stale = item().keySet().stream().filter(name -> name.startsWith(Attributes.TAT_PREFIX)
                && !name.startsWith(Attributes.tat("b"))).count();
        assertThat(stale).as("32 + rpm + old, 8 dropped per write").isEqualTo(Limit.MAX_PER_BUCKET + 2 - 2L * 8);
    }

    /** The most limits a bucket may hold, with the longest names (the strict engine checks the expressions). */
    private static List<Limit> longNamed(String prefix) {
        List<Limit> limits = new ArrayList<>();
        for (int i = 0; i < Limit.MAX_PER_BUCKET; i++) {
            String name = prefix + i + "_";
            limits.add(Limit.perMinute(name + "x".repeat(64 - name.length()), 1_000_000));
        }
        return limits;
    }

    private static AcquireRequest all(List<Limit> limits) {
        AcquireRequest request = AcquireRequest.of("u1", "api");
        for (Limit limit : limits) {
            request = request.consume(limit.name(), 1);
        }
        return request;
    }

    private RateLimiter limiter(Duration configCacheTtl) {
        return RateLimiter.builder().backend(table.backend()).clock(clock).namespace(namespace)
                .configCacheTtl(configCacheTtl).build();
    }

    private static AcquireRequest rpm() {
        return AcquireRequest.of("u1", "api").consume("rpm", 1);
    }

    private Map<String, AttributeValue> item() {
        return item("u1");
    }

    private Map<String, AttributeValue> item(String entity) {
        return table.client().getItem(r -> r.tableName(table.name())
                .key(Keys.bucket(new BucketKey(namespace, entity, "api")).toAttributes()).consistentRead(true))
                .join().item();
    }
}
