package dev.limiter.cli.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.Limit;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TableCommandTest;
import dev.limiter.cli.TestTable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved plans (applied exactly, refused when stale), JSON output, and export then plan. */
class SavedPlanTest extends TableCommandTest {

    @TempDir
    Path dir;

    SavedPlanTest(DynamoDbTestEndpoint endpoint) {
        super(endpoint);
    }

    @Test
    void savedPlan_unchangedTable_appliesExactlyThePlanWithoutAsking() {
        String file = file(TestTable.freshNamespace("saved"));
        Path plan = dir.resolve("saved.plan.json");
        CliRun planned = table.run("limits", "plan", "-f", file, "--out", plan.toString());

        CliRun apply = table.run("limits", "apply", "--plan", plan.toString());

        assertThat(planned.out()).contains("Saved the plan to: " + plan,
                "To perform exactly these actions, run: limiter limits apply --plan " + plan);
        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.OK);
        assertThat(apply.out()).doesNotContain("Do you want to perform these actions?")
                .contains("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
        assertThat(table.run("limits", "plan", "-f", file).out()).startsWith("No changes.");
    }

    @Test
    void savedPlan_tableChangedSince_isRefusedAsStale() {
        String namespace = TestTable.freshNamespace("stale");
        String file = file(namespace);
        Path plan = dir.resolve("stale.plan.json");
        table.run("limits", "plan", "-f", file, "--out", plan.toString());
        table.limiter(namespace).entities().put(Entity.root("someone-else"));

        CliRun apply = table.run("limits", "apply", "--plan", plan.toString());

        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.ERROR);
        assertThat(apply.err()).contains("limiter limits apply: error: stale plan: namespace '" + namespace
                + "' changed since the plan was saved", "hint: run 'limiter limits plan --out FILE' again");
        assertThat(table.limiter(namespace).entities().get("acme")).isEmpty();
    }

    @Test
    void savedPlan_editedFile_isRefused() throws Exception {
        String file = file(TestTable.freshNamespace("edited"));
        Path plan = dir.resolve("edited.plan.json");
        table.run("limits", "plan", "-f", file, "--out", plan.toString());
        Files.writeString(plan, Files.readString(plan).replace("rate: 100", "rate: 999"));

        CliRun apply = table.run("limits", "apply", "--plan", plan.toString());

        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.ERROR);
        assertThat(apply.err()).contains("was modified after it was saved: plan again");
    }

    @Test
    void planJson_isOneDocumentWithTerraformCountsAndEveryChange() throws Exception {
        String namespace = TestTable.freshNamespace("json");

        CliRun plan = table.run("limits", "plan", "-f", file(namespace), "--json", "--detailed-exitcode");

        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCode.CHANGES);
        JsonNode document = new ObjectMapper().readTree(plan.out());
        assertThat(document.path("namespace").asText()).isEqualTo(namespace);
        assertThat(document.path("changes_present").asBoolean()).isTrue();
        assertThat(document.path("summary").path("add").asInt()).isEqualTo(4);
        assertThat(document.path("changes").get(1).path("address").asText()).isEqualTo("entity.acme");
        assertThat(document.path("changes").get(1).path("action").asText()).isEqualTo("create");
        assertThat(document.path("changes").get(1).path("after").path("display_name").asText()).isEqualTo("Acme");
    }

    @Test
    void applyJson_withoutAutoApprove_isAUsageError() {
        CliRun apply = table.run("limits", "apply", "-f", file(TestTable.freshNamespace("jsonapply")),
                "--output", "json");

        assertThat(apply.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(apply.err()).contains("--output json needs --auto-approve or --plan");
    }

    @Test
    void export_thenPlanOfTheExport_showsNoChanges() {
        String namespace = TestTable.freshNamespace("export");
        table.run("limits", "apply", "-f", file(namespace), "--auto-approve");
        table.limiter(namespace).entities().put(Entity.child("user:42@x", "acme").withCascade(true)
                .withDisplayName("The \"user\""));
        table.limiter(namespace).configs().set(ConfigScope.entityResource("user:42@x", "openai/gpt-4o"),
                LimitConfig.of(Limit.of("tpm", 15, 10, java.time.Duration.ofSeconds(90))).withUnlimited("rpm"));
        Path exported = dir.resolve("exported.yaml");

        CliRun export = table.run("limits", "export", "--namespace", namespace, "-f", exported.toString());
        CliRun plan = table.run("limits", "plan", "-f", exported.toString(), "--detailed-exitcode");

        assertThat(export.exitCode()).as(export.output()).isEqualTo(ExitCode.OK);
        assertThat(export.out()).contains("Exported namespace '" + namespace + "' to " + exported);
        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCode.OK);
        assertThat(plan.out()).startsWith("No changes.");
    }

    @Test
    void exportAdopt_thenAFileWithoutTheItem_destroysIt() {
        String namespace = TestTable.freshNamespace("adopt");
        table.limiter(namespace).entities().put(Entity.root("legacy"));
        CliRun export = table.run("limits", "export", "--namespace", namespace, "--adopt");
        String empty = LimitsFiles.write(dir, "adopt.yaml", "namespace: " + namespace + "\n").toString();

        CliRun plan = table.run("limits", "plan", "-f", empty);

        assertThat(export.out()).isEqualTo("namespace: " + namespace + "\nentities:\n  legacy: {}\n");
        assertThat(plan.out()).contains("  - entity.legacy {", "Plan: 0 to add, 0 to change, 1 to destroy.");
    }

    @Test
    void export_existingFileWithoutForce_isRefused() throws Exception {
        Path existing = Files.writeString(dir.resolve("existing.yaml"), "keep me");

        CliRun export = table.run("limits", "export", "-f", existing.toString());

        assertThat(export.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(export.err()).contains(existing + " exists: pass --force to overwrite it");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    private String file(String namespace) {
        return LimitsFiles.write(dir, namespace + ".yaml", LimitsFiles.standard(namespace, 100)).toString();
    }
}
