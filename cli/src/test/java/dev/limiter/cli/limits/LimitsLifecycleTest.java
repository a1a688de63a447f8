package dev.limiter.cli.limits;

import dev.limiter.Limit;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TestTable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Terraform life cycle through the CLI, against moto: validate, plan, apply, plan clean, drift made through the
 * library, diff, apply converging; the apply prompt; targets; items the file never managed.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsLifecycleTest {

    private final TestTable table;

    @TempDir
    Path dir;

    LimitsLifecycleTest(DynamoDbTestEndpoint endpoint) {
        this.table = new TestTable(endpoint);
    }

    @BeforeAll
    void createTable() {
        CliRun run = table.run("table", "create");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Created table '" + table.name() + "'.");
    }

    @AfterAll
    void close() {
        table.close();
    }

    @Test
    void lifecycle_planApplyDriftDiffApply_convergesLikeTerraform() {
        String namespace = TestTable.freshNamespace("life");
        String file = LimitsFiles.write(dir, "limits.yaml", LimitsFiles.standard(namespace, 100)).toString();

        CliRun validate = table.run("limits", "validate", "-f", file);
        CliRun firstPlan = table.run("limits", "plan", "-f", file, "--detailed-exitcode");
        CliRun apply = table.run("limits", "apply", "-f", file, "--auto-approve");
        CliRun cleanPlan = table.run("limits", "plan", "-f", file, "--detailed-exitcode");
        table.limiter(namespace).configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 250)));
        CliRun diff = table.run("limits", "diff", "-f", file, "--detailed-exitcode");
        CliRun converge = table.run("limits", "apply", "-f", file, "--auto-approve");
        CliRun finalPlan = table.run("limits", "plan", "-f", file, "--detailed-exitcode");

        assertThat(validate.exitCode()).as(validate.output()).isEqualTo(ExitCode.OK);
        assertThat(firstPlan.exitCode()).as(firstPlan.output()).isEqualTo(ExitCode.CHANGES);
        assertThat(firstPlan.out()).contains("  # entity.acme will be created", "  + entity.acme {",
                        "      + display_name = \"Acme\"", "  + entity.acme-search {", "      + cascade = true",
                        "      + parent  = \"acme\"", "      + rpm.capacity      = 100")
                .endsWith("Plan: 4 to add, 0 to change, 0 to destroy." + System.lineSeparator());
        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.OK);
        assertThat(apply.out()).contains("+ entity.acme: created",
                "Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
        assertThat(cleanPlan.exitCode()).as(cleanPlan.output()).isEqualTo(ExitCode.OK);
        assertThat(cleanPlan.out()).startsWith("No changes.");
        assertThat(diff.exitCode()).as(diff.output()).isEqualTo(ExitCode.CHANGES);
        assertThat(diff.out()).contains("  # limits.namespace differs between the table and " + file,
                "  ~ limits.namespace {", "      ~ rpm.capacity      = 250 -> 100",
                "      ~ rpm.refill_amount = 250 -> 100", "        # (1 unchanged attribute hidden)",
                "Drift: 0 missing from the table, 1 different, 0 no longer in the file.");
        assertThat(converge.out()).contains("~ limits.namespace: updated",
                "Apply complete! Resources: 0 added, 1 changed, 0 destroyed.");
        assertThat(finalPlan.exitCode()).as(finalPlan.output()).isEqualTo(ExitCode.OK);
        assertThat(table.limiter(namespace).configs().get(ConfigScope.namespace()).orElseThrow().limits())
                .containsExactly(Limit.perMinute("rpm", 100));
    }

    @Test
    void plan_withoutDetailedExitCode_exitsZeroEvenWithChanges() {
        String file = LimitsFiles.write(dir, "plain.yaml",
                LimitsFiles.standard(TestTable.freshNamespace("plain"), 100)).toString();

        CliRun plan = table.run("limits", "plan", "-f", file);

        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCode.OK);
        assertThat(plan.out()).contains("Resource actions are indicated with the following symbols:", "  + create",
                "limiter will perform the following actions:", "Plan: 4 to add, 0 to change, 0 to destroy.");
    }

    @Test
    void apply_answerOtherThanYes_cancelsAndChangesNothing() {
        String file = LimitsFiles.write(dir, "no.yaml", LimitsFiles.standard(TestTable.freshNamespace("no"), 100))
                .toString();

        CliRun apply = table.runWithInput("no\n", "limits", "apply", "-f", file);

        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.ERROR);
        assertThat(apply.out()).contains("Plan: 4 to add", "Do you want to perform these actions? Only 'yes' will be "
                + "accepted:").doesNotContain("Apply complete!");
        assertThat(apply.err()).contains("Apply cancelled.");
        assertThat(table.run("limits", "plan", "-f", file, "--detailed-exitcode").exitCode())
                .isEqualTo(ExitCode.CHANGES);
    }

    @Test
    void apply_answerYes_appliesThePlanShown() {
        String file = LimitsFiles.write(dir, "yes.yaml", LimitsFiles.standard(TestTable.freshNamespace("yes"), 100))
                .toString();

        CliRun apply = table.runWithInput("yes\n", "limits", "apply", "-f", file);

        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.OK);
        assertThat(apply.out()).contains("Only 'yes' will be accepted:", "Apply complete! Resources: 4 added");
        assertThat(table.run("limits", "plan", "-f", file).out()).startsWith("No changes.");
    }

    @Test
    void apply_withTarget_touchesOnlyThatEntity() {
        String namespace = TestTable.freshNamespace("target");
        String file = LimitsFiles.write(dir, "target.yaml", LimitsFiles.standard(namespace, 100)).toString();

        CliRun apply = table.run("limits", "apply", "-f", file, "--target", "entity:acme", "--auto-approve");

        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.OK);
        assertThat(apply.out()).contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        assertThat(table.limiter(namespace).entities().list()).extracting(Entity::id).containsExactly("acme");
    }

    @Test
    void plan_itemsTheFileNeverManaged_areLeftAloneAndListedByDiff() {
        String namespace = TestTable.freshNamespace("hand");
        table.limiter(namespace).entities().put(Entity.root("hand-made"));
        String file = LimitsFiles.write(dir, "hand.yaml", LimitsFiles.standard(namespace, 100)).toString();
        table.run("limits", "apply", "-f", file, "--auto-approve");

        CliRun diff = table.run("limits", "diff", "-f", file);

        assertThat(diff.exitCode()).as(diff.output()).isEqualTo(ExitCode.OK);
        assertThat(diff.out()).contains("No drift.",
                "Not managed by any limits file (apply leaves them alone): entity.hand-made");
        assertThat(table.limiter(namespace).entities().get("hand-made")).isPresent();
    }

    @Test
    void apply_fileDroppingManagedItems_destroysThem() {
        String namespace = TestTable.freshNamespace("drop");
        String file = LimitsFiles.write(dir, "drop.yaml", LimitsFiles.standard(namespace, 100)).toString();
        table.run("limits", "apply", "-f", file, "--auto-approve");
        String smaller = LimitsFiles.write(dir, "smaller.yaml", "namespace: " + namespace + "\n").toString();

        CliRun apply = table.run("limits", "apply", "-f", smaller, "--auto-approve");

        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.OK);
        assertThat(apply.out()).contains("  # entity.acme-search will be destroyed", "  - entity.acme-search {",
                "      - parent  = \"acme\"", "Plan: 0 to add, 0 to change, 4 to destroy.",
                "Apply complete! Resources: 0 added, 0 changed, 4 destroyed.");
        assertThat(table.limiter(namespace).entities().list()).isEmpty();
    }
}
