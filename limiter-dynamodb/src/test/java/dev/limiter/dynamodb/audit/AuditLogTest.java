package dev.limiter.dynamodb.audit;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Issue 13: the library's changes to limits, entities and settings are recorded, with retention; against moto. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private final TestTable table;
    private ManualClock clock;
    private String namespace;
    private RateLimiter limiter;

    AuditLogTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @BeforeEach
    void freshNamespace() {
        namespace = TestTable.uniqueNamespace("audit");
        clock = ManualClock.at(START);
        DynamoDbBackend backend = DynamoDbBackend.builder().client(table.client()).tableName(table.name())
                .audit(AuditSettings.of("svc-admin").withReason("ticket 7").withRetention(Duration.ofDays(30))
                        .withClock(clock)).build();
        limiter = RateLimiter.builder().backend(backend).namespace(namespace).build();
    }

    @AfterAll
    void closeClient() {
        table.close();
    }

    @Test
    void configs_setChangeDelete_recordsCreateUpdateDeleteWithBeforeAndAfter() {
        limiter.configs().set(ConfigScope.resource("gpt-4o"), LimitConfig.of(Limit.perMinute("rpm", 100)));
        clock.advance(Duration.ofSeconds(1));
        limiter.configs().set(ConfigScope.resource("gpt-4o"), LimitConfig.of(Limit.perMinute("rpm", 250)));
        clock.advance(Duration.ofSeconds(1));
        limiter.configs().delete(ConfigScope.resource("gpt-4o"));

        List<AuditEntry> entries = list(all()).entries();

        assertThat(entries).extracting(AuditEntry::action, AuditEntry::address).containsExactly(
                tuple("delete", "limits.resource.gpt-4o"), tuple("update", "limits.resource.gpt-4o"),
                tuple("create", "limits.resource.gpt-4o"));
        assertThat(entries.get(1).before()).containsEntry("rpm.capacity", "100");
        assertThat(entries.get(1).after()).containsEntry("rpm.capacity", "250").containsEntry("rpm.refill_period", "1m");
        assertThat(entries.get(0).after()).isEmpty();
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("svc-admin");
            assertThat(entry.source()).isEqualTo("library");
            assertThat(entry.reason()).isEqualTo("ticket 7");
        });
        assertThat(entries.get(2).at()).isEqualTo(START);
    }

    @Test
    void entitiesAndSettings_changes_areRecorded() {
        limiter.entities().put(Entity.root("acme"));
        limiter.entities().put(Entity.child("acme-search", "acme").withCascade(true));
        limiter.configs().setOnUnavailable(OnUnavailable.ALLOW);

        List<AuditEntry> entries = list(all()).entries();

        assertThat(entries).extracting(AuditEntry::address).containsExactly("settings", "entity.acme-search",
                "entity.acme");
        assertThat(entries.get(1).after()).containsEntry("parent", "acme").containsEntry("cascade", "true");
        assertThat(entries.get(0).after()).containsEntry("on_unavailable", "allow");
    }

    @Test
    void record_entry_expiresThroughTheTableTtlAfterTheRetention() {
        limiter.entities().put(Entity.root("acme"));

        List<Map<String, AttributeValue>> items = Futures.join(table.client().query(QueryRequest.builder()
                .tableName(table.name()).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Attributes.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(namespace + "#AUDIT"))).build()))
                .items();

        assertThat(items).singleElement().satisfies(item -> assertThat(item.get(Attributes.TTL).n())
                .isEqualTo(Long.toString(START.plus(Duration.ofDays(30)).getEpochSecond())));
    }

    @Test
    void put_unchangedEntity_recordsNothing() {
        limiter.entities().put(Entity.root("acme"));
        limiter.entities().put(Entity.root("acme"));

        assertThat(list(all()).entries()).hasSize(1);
    }

    @Test
    void list_filters_selectByAddressActorTimeAndLimit() {
        limiter.entities().put(Entity.root("acme"));
        clock.advance(Duration.ofMinutes(5));
        limiter.entities().put(Entity.root("beta"));
        limiter.entities().put(Entity.child("acme-bot", "acme"));

        assertThat(list(new AuditQuery(Instant.EPOCH, Instant.MAX, "entity.acme", "", 100)).entries())
                .extracting(AuditEntry::address).containsExactly("entity.acme-bot", "entity.acme");
        assertThat(list(new AuditQuery(START.plusSeconds(1), Instant.MAX, "", "", 100)).entries()).hasSize(2);
        assertThat(list(new AuditQuery(Instant.EPOCH, Instant.MAX, "", "someone-else", 100)).entries()).isEmpty();
        assertThat(list(new AuditQuery(Instant.EPOCH, Instant.MAX, "", "", 1)).entries())
                .extracting(AuditEntry::address).containsExactly("entity.acme-bot");
    }

    @Test
    void list_corruptItem_isReportedNotSkipped() {
        limiter.entities().put(Entity.root("acme"));
        Futures.join(table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(Map.of(
                Attributes.PK, AttributeValue.fromS(namespace + "#AUDIT"),
                Attributes.SK, AttributeValue.fromS(AuditItems.sk(START, "bad")),
                "at", AttributeValue.fromS("not a number"))).build()));

        AuditPage page = list(all());

        assertThat(page.entries()).hasSize(1);
        assertThat(page.corrupt()).singleElement().asString().contains("corrupt audit item " + namespace + "#AUDIT");
    }

    @Test
    void acquire_writesNoAuditEntries() {
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 100)));
        table.log().clear();

        limiter.tryAcquire(AcquireRequest.of("acme", "gpt-4o").consume("rpm", 1));

        assertThat(table.log().counts()).doesNotContainKey("PutItem");
        assertThat(list(all()).entries()).hasSize(1);
    }

    private AuditPage list(AuditQuery query) {
        return Futures.join(AuditLog.list(table.client(), table.name(), namespace, query));
    }

    private static AuditQuery all() {
        return new AuditQuery(Instant.EPOCH, Instant.MAX, "", "", 1_000);
    }
}
