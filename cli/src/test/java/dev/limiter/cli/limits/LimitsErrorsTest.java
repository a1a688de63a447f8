package dev.limiter.cli.limits;

import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every documented error path of the limits commands: exit code and message. */
@WithDynamoDb
class LimitsErrorsTest {

    @TempDir
    Path dir;

    @Test
    void plan_malformedYaml_printsPositionAndNothingChanges() {
        CliRun run = plan("namespace: ns\nentities:\n  acme: {parent: [unclosed\n");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).containsPattern("limits.yaml:\\d+:\\d+: error: malformed YAML: ")
                .contains("limiter limits plan: error: the limits file has 1 error; nothing was changed");
    }

    @Test
    void plan_unknownField_suggestsTheClosestAtFileLineColumn() {
        CliRun run = plan("namespace: ns\nentities:\n  acme:\n    limits:\n      rpm: {rate: 5, per: minute, burts: 9}\n");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("limits.yaml:5:35: error: unknown field 'burts' in limit 'rpm'; did you mean "
                + "'burst'?");
    }

    @Test
    void plan_parentCycle_isReportedWithTheChain() {
        CliRun run = plan("namespace: ns\nentities:\n  a: {parent: b}\n  b: {parent: a}\n");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("limits.yaml:3:15: error: entity 'a' is in a parent cycle: a -> b -> a",
                "limits.yaml:4:15: error: entity 'b' is in a parent cycle: b -> a -> b");
    }

    @Test
    void plan_unknownParent_isReported() {
        CliRun run = plan("namespace: ns\nentities:\n  a: {parent: nobody}\n");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("limits.yaml:3:15: error: parent 'nobody' of entity 'a' is not declared");
    }

    @Test
    void plan_badIdentifiers_areEachReportedWithThePattern() {
        CliRun run = plan("namespace: bad ns\nresources:\n  '-gpt': {limits: {}}\nentities:\n  'a b': {}\n"
                + "  ok:\n    limits:\n      9rpm: {rate: 1, per: minute}\n");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("limits.yaml:1:12: error: namespace 'bad ns' is invalid",
                "limits.yaml:3:3: error: resource '-gpt' is invalid",
                "limits.yaml:5:3: error: entity 'a b' is invalid",
                "limits.yaml:8:7: error: limit name '9rpm' is invalid",
                "the limits file has 4 errors");
    }

    @Test
    void plan_missingFile_saysWhichFile() {
        CliRun run = CliRun.with(Map.of("LIMITER_TABLE", "limits"), "", "limits", "plan", "-f",
                dir.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("cannot read limits file " + dir.resolve("nope.yaml") + ": no such file");
    }

    @Test
    void plan_unreachableEndpoint_failsWithTheCauseAndAHint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path file = LimitsFiles.write(dir, "limits.yaml", LimitsFiles.standard("ns", 10));

        CliRun run = CliRun.with(Map.of("LIMITER_TABLE", "limits", "LIMITER_ENDPOINT_URL",
                "http://127.0.0.1:" + closedPort), "", "limits", "plan", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("limiter limits plan: error: DynamoDB", "on table 'limits' failed",
                "(region us-east-1, endpoint http://127.0.0.1:" + closedPort + ")",
                "hint: nothing answers at the local endpoint: 'limiter local up' starts a local DynamoDB");
    }

    @Test
    void plan_missingTable_saysHowToCreateIt(DynamoDbTestEndpoint endpoint) {
        Path file = LimitsFiles.write(dir, "limits.yaml", LimitsFiles.standard("ns", 10));

        CliRun run = CliRun.with(Map.of("LIMITER_TABLE", endpoint.tableName("missing"), "LIMITER_ENDPOINT_URL",
                endpoint.endpoint().toString()), "", "limits", "plan", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("table '" + endpoint.tableName("missing") + "' does not exist (create it "
                + "with `limiter table create` or the CDK app) (region us-east-1, endpoint " + endpoint.endpoint()
                + ")", "hint: a table lives in one region: check --region and --endpoint-url").doesNotContain("local up");
    }

    @Test
    void plan_invalidTarget_isAUsageError() {
        CliRun run = CliRun.of("limits", "plan", "-f", "x.yaml", "--target", "acme");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("target 'acme' must be entity:ID or resource:NAME");
    }

    @Test
    void apply_fileAndSavedPlanTogether_isAUsageError() {
        CliRun run = CliRun.of("limits", "apply", "-f", "a.yaml", "--plan", "p.json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("mutually exclusive");
    }

    private CliRun plan(String text) {
        Path file = LimitsFiles.write(dir, "limits.yaml", text);
        return CliRun.with(Map.of("LIMITER_TABLE", "limits", "LIMITER_ENDPOINT_URL", "http://127.0.0.1:9"), "",
                "limits", "plan", "-f", file.toString());
    }
}
