package dev.limiter.cli.limits;

import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TableCommandTest;
import dev.limiter.cli.TestTable;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A 2,000-entity file: plan, apply with progress, and a clean re-plan, through the CLI against moto. */
class LargeApplyTest extends TableCommandTest {

    private static final int USERS = 2_000;

    @TempDir
    Path dir;

    LargeApplyTest(DynamoDbTestEndpoint endpoint) {
        super(endpoint);
    }

    @Test
    void apply_twoThousandEntities_showsProgressAndReplansClean() {
        String namespace = TestTable.freshNamespace("large");
        StringBuilder text = new StringBuilder("namespace: " + namespace + "\nentities:\n  org: {}\n");
        for (int i = 0; i < USERS; i++) {
            text.append("  user-").append(i).append(": {parent: org, cascade: true, limits: {rpm: {rate: ")
                    .append(10 + i % 7).append(", per: minute}}}\n");
        }
        String file = LimitsFiles.write(dir, "large.yaml", text.toString()).toString();

        CliRun plan = table.run("limits", "plan", "-f", file, "--detailed-exitcode");
        CliRun apply = table.run("limits", "apply", "-f", file, "--auto-approve");
        CliRun replan = table.run("limits", "plan", "-f", file, "--detailed-exitcode");

        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCode.CHANGES);
        assertThat(plan.out()).endsWith("Plan: 4001 to add, 0 to change, 0 to destroy." + System.lineSeparator());
        assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCode.OK);
        assertThat(apply.out()).contains("Applying: 401/4001 (10%)", "Applying: 4001/4001 (100%)",
                "Apply complete! Resources: 4001 added, 0 changed, 0 destroyed.")
                .doesNotContain("+ entity.user-0: created");
        assertThat(apply.out().lines().filter(line -> line.startsWith("Applying: "))).hasSize(10);
        assertThat(replan.exitCode()).as(replan.out()).isEqualTo(ExitCode.OK);
        assertThat(replan.out()).startsWith("No changes.");
    }
}
