package dev.limiter.cli.limits;

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

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10: a change of a limit's local allowance is planned as an update of that limit, exported back; on moto. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAllowancePlanTest {

    private final TestTable table;

    @TempDir
    Path dir;

    LocalAllowancePlanTest(DynamoDbTestEndpoint endpoint) {
        this.table = new TestTable(endpoint);
    }

    @BeforeAll
    void createTable() {
        assertThat(table.run("table", "create").exitCode()).isEqualTo(ExitCode.OK);
    }

    @AfterAll
    void close() {
        table.close();
    }

    @Test
    void plan_allowanceChanged_showsAnUpdateInTextAndTypedJson() throws Exception {
        String namespace = TestTable.freshNamespace("localp");
        String applied = write("applied.yaml", namespace, "local: true");
        table.run("limits", "apply", "-f", applied, "--auto-approve");
        String changed = write("changed.yaml", namespace, "local: {max_share: 0.5, max_hold: 250ms}");

        CliRun text = table.run("limits", "plan", "-f", changed, "--detailed-exitcode");
        CliRun json = table.run("limits", "plan", "-f", changed, "-o", "json");

        assertThat(text.exitCode()).as(text.output()).isEqualTo(ExitCode.CHANGES);
        assertThat(text.out()).contains("  ~ limits.namespace {", "~ rpm.local.max_hold  = 1s -> 250ms",
                "~ rpm.local.max_share = 0.1 -> 0.5", "Plan: 0 to add, 1 to change, 0 to destroy.");
        JsonNode change = new ObjectMapper().readTree(json.out()).path("changes").get(0);
        assertThat(change.path("action").asText()).isEqualTo("update");
        assertThat(change.path("before").path("rpm.local.max_share").isNumber()).isTrue();
        assertThat(change.path("after").path("rpm.local.max_share").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(change.path("after").path("rpm.local.max_hold").asText()).isEqualTo("250ms");
    }

    @Test
    void show_savedPlanWithAllowanceChange_showsTheAttributes() {
        String namespace = TestTable.freshNamespace("locals");
        String file = write("limits.yaml", namespace, "local: {max_share: 0.3, max_hold: 2s}");
        String saved = dir.resolve("plan-" + namespace + ".json").toString();
        table.run("limits", "plan", "-f", file, "--out", saved);

        CliRun show = CliRun.of("limits", "show", saved);

        assertThat(show.exitCode()).as(show.output()).isEqualTo(ExitCode.OK);
        assertThat(show.out()).contains("+ rpm.local.max_hold  = 2s", "+ rpm.local.max_share = 0.3");
    }

    @Test
    void export_appliedAllowance_writesItBackSoPlanShowsNoChanges() {
        String namespace = TestTable.freshNamespace("localx");
        String file = write("limits.yaml", namespace, "local: {max_share: 0.2, max_hold: 3s}");
        table.run("limits", "apply", "-f", file, "--auto-approve");
        String exported = dir.resolve("exported.yaml").toString();

        CliRun export = table.run("limits", "export", "--namespace", namespace, "-f", exported);
        CliRun plan = table.run("limits", "plan", "-f", exported, "--detailed-exitcode");

        assertThat(export.exitCode()).as(export.output()).isEqualTo(ExitCode.OK);
        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCode.OK);
        assertThat(LimitsFile.read(Path.of(exported)).text())
                .contains("rpm: {rate: 100, per: minute, local: {max_share: 0.2, max_hold: 3s}}");
    }

    private String write(String name, String namespace, String local) {
        return LimitsFiles.write(dir, name, """
                namespace: %s
                defaults:
                  limits:
                    rpm: {rate: 100, per: minute, %s}
                """.formatted(namespace, local)).toString();
    }
}
