package dev.limiter.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TestTable;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: changes made through the CLI land in the audit trail with who and why; {@code limiter audit} lists them. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCommandTest {

    private final TestTable table;
    private final String namespace = TestTable.freshNamespace("audit");

    AuditCommandTest(DynamoDbTestEndpoint endpoint) {
        this.table = new TestTable(endpoint);
    }

    @BeforeAll
    void changes(@TempDir Path dir) throws Exception {
        assertThat(table.run("table", "create").exitCode()).isEqualTo(ExitCode.OK);
        Path file = Files.writeString(dir.resolve("limits.yaml"), "namespace: " + namespace + "\n"
                + "defaults:\n  limits:\n    rpm: {rate: 100, per: minute}\nentities:\n  acme: {}\n");
        CliRun apply = table.run("limits", "apply", "-f", file.toString(), "--auto-approve", "--actor", "alice",
                "--reason", "OPS-1: first limits");
        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.OK);
        Files.writeString(file, Files.readString(file).replace("rate: 100", "rate: 250"));
        assertThat(table.run("limits", "apply", "-f", file.toString(), "--auto-approve", "--actor", "bob",
                "--reason", "OPS-2: raise").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(table.run("entity", "create", "acme-bot", "--parent", "acme", "--namespace", namespace,
                "--reason", "a bot").exitCode()).isEqualTo(ExitCode.OK);
    }

    @AfterAll
    void close() {
        table.close();
    }

    @Test
    void audit_afterTwoAppliesAndAnEntityCreate_listsEveryChangeNewestFirstWithWhoAndWhy() {
        CliRun run = table.run("audit", "--namespace", namespace);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("TIME").contains("ACTOR", "ACTION", "ADDRESS", "CHANGES", "REASON");
        assertThat(lines[1]).contains("create", "entity.acme-bot", "parent: + acme", "a bot");
        assertThat(lines[2]).contains("bob", "update", "limits.namespace", "rpm.capacity: 100 -> 250", "OPS-2: raise");
        assertThat(run.out()).contains("alice", "entity.acme", "OPS-1: first limits");
    }

    @Test
    void audit_withoutActor_namesTheCallerThatStsOrTheSystemReports() {
        CliRun run = table.run("audit", "--namespace", namespace, "--address", "entity.acme-bot", "--output", "json");

        JsonNode entry = readJson(run.out()).path("entries").path(0);
        assertThat(entry.path("actor").asText()).matches("arn:aws:.+|user:.+");
        assertThat(entry.path("source").asText()).isEqualTo("cli");
    }

    @Test
    void auditJson_filteredByActor_listsOnlyTheirChangesWithBeforeAndAfter() {
        CliRun run = table.run("audit", "--namespace", namespace, "--by", "bob", "--output", "json");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        JsonNode entries = readJson(run.out()).path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.path(0).path("before").path("rpm.capacity").asText()).isEqualTo("100");
        assertThat(entries.path(0).path("after").path("rpm.capacity").asText()).isEqualTo("250");
        assertThat(entries.path(0).path("source").asText()).isEqualTo("limits apply");
    }

    @Test
    void audit_sinceInTheFuture_saysNothingWasRecorded() {
        CliRun run = table.run("audit", "--namespace", namespace, "--since", "2999-01-01", "--until", "2999-01-02");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("No changes recorded in namespace '" + namespace + "'");
    }

    @Test
    void audit_sinceThatIsNotATime_isAUsageError() {
        CliRun run = table.run("audit", "--namespace", namespace, "--since", "yesterday");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'yesterday' is not a time");
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
