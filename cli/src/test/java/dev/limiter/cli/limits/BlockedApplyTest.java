package dev.limiter.cli.limits;

import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TableCommandTest;
import dev.limiter.cli.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: through the CLI against moto, a limits file that drops a parent while an entity the file does not manage
 * still has it: plan shows the blocker and exits 1, apply refuses before asking, and nothing changes.
 */
class BlockedApplyTest extends TableCommandTest {

    private String namespace;
    private String dropped;

    @TempDir
    Path dir;

    BlockedApplyTest(DynamoDbTestEndpoint endpoint) {
        super(endpoint);
    }

    @BeforeEach
    void parentWithAHandMadeChild() {
        namespace = TestTable.freshNamespace("blocked");
        String file = LimitsFiles.write(dir, "limits.yaml", LimitsFiles.standard(namespace, 100)).toString();
        assertThat(table.run("limits", "apply", "-f", file, "--auto-approve").exitCode()).isEqualTo(ExitCode.OK);
        table.limiter(namespace).entities().put(Entity.child("bot", "acme"));
        dropped = LimitsFiles.write(dir, "dropped.yaml", "namespace: " + namespace + "\n").toString();
    }

    @Test
    void plan_parentDroppedWithAHandMadeChild_showsTheBlockerAndExitsOne() {
        CliRun plan = table.run("limits", "plan", "-f", dropped, "--out", dir.resolve("plan.json").toString());

        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCode.ERROR);
        assertThat(plan.out()).contains("- entity.acme {", "Plan: 0 to add, 0 to change, 4 to destroy.");
        assertThat(plan.err()).contains("Error: entity.acme: cannot destroy entity 'acme': entity 'bot' still has it",
                "limiter entity delete bot", "The plan is blocked (1 blocker)", "Did not save the plan");
        assertThat(Files.exists(dir.resolve("plan.json"))).isFalse();
    }

    @Test
    void apply_parentDroppedWithAHandMadeChild_refusesWithoutAskingAndChangesNothing() {
        CliRun apply = table.runWithInput("yes\n", "limits", "apply", "-f", dropped);

        assertThat(apply.exitCode()).as(apply.output()).isEqualTo(ExitCode.ERROR);
        assertThat(apply.out()).doesNotContain(ApplyCommand.PROMPT);
        assertThat(apply.err()).contains("cannot destroy entity 'acme'");
        assertThat(table.limiter(namespace).entities().get("acme")).isPresent();
        assertThat(table.limiter(namespace).configs().get(dev.limiter.config.ConfigScope.namespace())).isPresent();
    }

    @Test
    void planJson_blockedPlan_listsTheBlockers() {
        CliRun plan = table.run("limits", "plan", "-f", dropped, "--json");

        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCode.ERROR);
        assertThat(plan.out()).contains("\"blockers\"", "\"address\" : \"entity.acme\"");
    }
}
