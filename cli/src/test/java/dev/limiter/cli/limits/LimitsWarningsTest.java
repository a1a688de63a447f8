package dev.limiter.cli.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TableCommandTest;
import dev.limiter.cli.TestTable;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: no silent no-ops (a target or a namespace that matches nothing), and typed plan JSON; on moto. */
class LimitsWarningsTest extends TableCommandTest {

    private final String namespace = TestTable.freshNamespace("warn");

    @TempDir
    Path dir;

    LimitsWarningsTest(DynamoDbTestEndpoint endpoint) {
        super(endpoint);
    }

    @Test
    void plan_targetMatchingNothing_warns() {
        String file = LimitsFiles.write(dir, "limits.yaml", LimitsFiles.standard(namespace, 100)).toString();

        CliRun run = table.run("limits", "plan", "-f", file, "--target", "entity:acmee");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("warning: --target entity:acmee matches nothing in the file or in namespace");
    }

    @Test
    void plan_targetMatchingAnEntity_doesNotWarn() {
        String file = LimitsFiles.write(dir, "limits.yaml", LimitsFiles.standard(namespace, 100)).toString();

        CliRun run = table.run("limits", "plan", "-f", file, "--target", "entity:acme");

        assertThat(run.err()).doesNotContain("warning");
    }

    @Test
    void export_emptyNamespace_warnsAboutTheNamespace() {
        CliRun run = table.run("limits", "export", "--namespace", namespace + "-typo");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("warning: namespace '" + namespace + "-typo' of table '" + table.name()
                + "' holds no entities, limits or settings");
    }

    @Test
    void planJson_numbersAndBooleans_areJsonNumbersAndBooleans() throws Exception {
        String file = LimitsFiles.write(dir, "limits.yaml", LimitsFiles.standard(namespace, 100)).toString();

        CliRun run = table.run("limits", "plan", "-f", file, "--json");

        JsonNode changes = new ObjectMapper().readTree(run.out()).path("changes");
        JsonNode namespaceLimits = changes.findParent("rpm.capacity").path("rpm.capacity");
        assertThat(namespaceLimits.isNumber()).as(run.out()).isTrue();
        assertThat(namespaceLimits.asLong()).isEqualTo(100);
        assertThat(changes.findValue("cascade").isBoolean()).isTrue();
        assertThat(changes.findValue("rpm.refill_period").asText()).isEqualTo("1m");
    }
}
