package dev.limiter.provision;

import dev.limiter.dynamodb.audit.AuditEntry;
import dev.limiter.dynamodb.audit.AuditLog;
import dev.limiter.dynamodb.audit.AuditQuery;
import dev.limiter.dynamodb.audit.AuditSettings;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Issue 13: every change an apply makes is in the audit trail with the plan's before and after; against moto. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplyAuditTest {

    private final TestTable table;

    ApplyAuditTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @AfterAll
    void closeClient() {
        table.close();
    }

    @Test
    void apply_createThenUpdateThenDestroy_recordsEachChangeWithActorAndReason() {
        String namespace = TestTable.uniqueNamespace("aa");
        apply(namespace, "defaults:\n  limits:\n    rpm: {rate: 100, per: minute}\nentities:\n  acme: {}\n", "first");
        apply(namespace, "defaults:\n  limits:\n    rpm: {rate: 250, per: minute}\n", "second");

        List<AuditEntry> entries = Futures.join(AuditLog.list(table.client(), table.name(), namespace,
                new AuditQuery(Instant.EPOCH, Instant.parse("2999-01-01T00:00:00Z"), "", "", 100))).entries();

        assertThat(entries).extracting(AuditEntry::action, AuditEntry::address, AuditEntry::reason)
                .containsExactlyInAnyOrder(tuple("create", "limits.namespace", "first"),
                        tuple("create", "entity.acme", "first"), tuple("update", "limits.namespace", "second"),
                        tuple("delete", "entity.acme", "second"));
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("ci-bot");
            assertThat(entry.source()).isEqualTo("provisioner");
        });
        assertThat(entries).filteredOn(entry -> entry.action().equals("update")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.before()).containsEntry("rpm.capacity", "100");
                    assertThat(entry.after()).containsEntry("rpm.capacity", "250");
                });
    }

    private void apply(String namespace, String body, String reason) {
        LimitsProvisioning engine = new LimitsProvisioning(table.client(), table.name(), 8,
                AuditSettings.of("ci-bot").withSource("provisioner").withReason(reason));
        engine.apply(engine.plan(engine.load("namespace: " + namespace + "\n" + body, "limits.yaml"),
                Optional.empty()), (c, d, t) -> { });
    }
}
