package dev.limiter.dynamodb.store;

import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.audit.AuditEntry;
import dev.limiter.dynamodb.audit.AuditLog;
import dev.limiter.dynamodb.audit.AuditQuery;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.ConfigItems;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 10: a limit's local allowance is stored with it, old items read as none, corrupt values are reported. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAllowanceStoreTest {

    private static final ConfigScope SCOPE = ConfigScope.resource("gpt-4o");

    private final TestTable table;
    private String namespace;
    private RateLimiter limiter;

    LocalAllowanceStoreTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @BeforeEach
    void freshNamespace() {
        namespace = TestTable.uniqueNamespace("local");
        limiter = RateLimiter.builder().backend(table.backend()).namespace(namespace).build();
    }

    @AfterAll
    void closeClient() {
        table.close();
    }

    @Test
    void setThenGet_limitsWithAndWithoutAllowance_readBackEqual() {
        LimitConfig config = LimitConfig.of(
                Limit.perMinute("rpm", 100).withLocalAllowance(LocalAllowance.of(0.25, Duration.ofMillis(1500))),
                Limit.perMinute("tpm", 10_000).asShadow().withLocalAllowance(),
                Limit.perDay("rpd", 5));

        limiter.configs().set(SCOPE, config);

        assertThat(limiter.configs().get(SCOPE).orElseThrow().limits())
                .containsExactlyInAnyOrderElementsOf(config.limits());
        assertThat(limiter.configs().list().get(SCOPE).limits()).containsExactlyInAnyOrderElementsOf(config.limits());
    }

    @Test
    void get_itemWrittenBeforeAllowancesExisted_readsAsNone() {
        put(Map.of("rpm", AttributeValue.fromM(Map.of(Attributes.CAPACITY, AttributeValue.fromN("100"),
                Attributes.REFILL_AMOUNT, AttributeValue.fromN("100"),
                Attributes.REFILL_PERIOD, AttributeValue.fromN("60000000000")))));

        assertThat(limiter.configs().get(SCOPE).orElseThrow().limits())
                .singleElement().satisfies(limit -> assertThat(limit.local()).isEqualTo(LocalAllowance.NONE));
    }

    @Test
    void get_shareOutOfRange_isReportedNamingTheLimitAndRule() {
        put(storedRpm(AttributeValue.fromN("1.5"), AttributeValue.fromN("1000000000")));

        assertThatThrownBy(() -> limiter.configs().get(SCOPE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stored local allowance of limit 'rpm'")
                .hasMessageContaining("maxShare is 1.5: must be above 0 and at most 1");
    }

    @Test
    void get_holdWithoutShare_isReportedNotReadAsNone() {
        Map<String, AttributeValue> rpm = new HashMap<>(storedRpm(AttributeValue.fromN("0.1"),
                AttributeValue.fromN("1000000000")).get("rpm").m());
        rpm.remove(Attributes.LOCAL_SHARE);
        put(Map.of("rpm", AttributeValue.fromM(rpm)));

        assertThatThrownBy(() -> limiter.configs().list())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stored local allowance of limit 'rpm' needs both 'lsh' and 'lho' as numbers");
    }

    @Test
    void get_shareNotANumber_isReported() {
        put(storedRpm(AttributeValue.fromS("lots"), AttributeValue.fromN("1000000000")));

        assertThatThrownBy(() -> limiter.configs().get(SCOPE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stored local allowance of limit 'rpm' needs both");
    }

    @Test
    void set_allowanceChanged_auditRecordsBeforeAndAfter() {
        limiter.configs().set(SCOPE, LimitConfig.of(Limit.perMinute("rpm", 100).withLocalAllowance()));
        limiter.configs().set(SCOPE, LimitConfig.of(Limit.perMinute("rpm", 100)
                .withLocalAllowance(LocalAllowance.of(0.5, Duration.ofMillis(250)))));

        List<AuditEntry> entries = Futures.join(AuditLog.list(table.client(), table.name(), namespace,
                new AuditQuery(Instant.EPOCH, Instant.MAX, "", "", 100))).entries();

        assertThat(entries).filteredOn(entry -> entry.action().equals("update")).singleElement().satisfies(entry -> {
            assertThat(entry.before()).containsEntry("rpm.local.max_share", "0.1")
                    .containsEntry("rpm.local.max_hold", "1s");
            assertThat(entry.after()).containsEntry("rpm.local.max_share", "0.5")
                    .containsEntry("rpm.local.max_hold", "250ms");
        });
    }

    /** Limit {@code rpm} as stored, with the given local allowance attributes. */
    private static Map<String, AttributeValue> storedRpm(AttributeValue share, AttributeValue hold) {
        return Map.of("rpm", AttributeValue.fromM(Map.of(Attributes.CAPACITY, AttributeValue.fromN("100"),
                Attributes.REFILL_AMOUNT, AttributeValue.fromN("100"),
                Attributes.REFILL_PERIOD, AttributeValue.fromN("60000000000"),
                Attributes.LOCAL_SHARE, share, Attributes.LOCAL_HOLD, hold)));
    }

    /** Writes the configuration item at {@link #SCOPE} with {@code limits} as its raw limits map. */
    private void put(Map<String, AttributeValue> limits) {
        Map<String, AttributeValue> item = new HashMap<>(ConfigItems.encode(namespace, SCOPE, LimitConfig.of()));
        item.put(Attributes.LIMITS, AttributeValue.fromM(limits));
        Futures.join(table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item).build()));
    }
}
