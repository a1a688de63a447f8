package dev.limiter.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.localstack.EndpointKind;
import dev.limiter.localstack.LocalEndpoint;
import dev.limiter.localstack.StrictControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code limiter local up | status | env | down} with moto_server, state under a temporary {@code LIMITER_HOME}. A
 * server a failed test leaves running is stopped after it, by its recorded pid.
 */
class LocalCommandTest {

    @TempDir
    Path home;

    @AfterEach
    void stopWhatUpStarted() {
        new LocalState(home).load().ifPresent(server -> server.stop(Duration.ofSeconds(10)));
    }

    @Test
    void upStatusEnvDown_startsRecordsAndStopsExactlyThatServer() throws Exception {
        CliRun up = local("up", "--engine", "moto", "--port", "0");
        LocalEndpoint recorded = LocalEndpoint.load(home.resolve("local.properties"));
        CliRun status = local("status");
        CliRun env = local("env", "--table", "my-table");
        CliRun json = local("status", "--output", "json");
        CliRun down = local("down");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(ExitCode.OK);
        assertThat(up.out()).contains("Started a local DynamoDB: moto_server at " + recorded.endpoint(),
                "eval \"$(limiter local env)\"", "export LIMITER_ENDPOINT_URL=" + recorded.endpoint());
        assertThat(status.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(status.out()).startsWith("Running: moto_server at " + recorded.endpoint() + " (pid "
                + recorded.pid());
        assertThat(env.out().lines()).containsExactly(
                "export LIMITER_ENDPOINT_URL=" + recorded.endpoint(),
                "export LIMITER_TABLE=my-table",
                "export LIMITER_TEST_ENDPOINT=" + recorded.endpoint(),
                "export AWS_ENDPOINT_URL_DYNAMODB=" + recorded.endpoint(),
                "export AWS_ENDPOINT_URL_DYNAMODB_STREAMS=" + recorded.endpoint(),
                "export AWS_REGION=us-east-1",
                "export AWS_DEFAULT_REGION=us-east-1",
                "export AWS_ACCESS_KEY_ID=test",
                "export AWS_SECRET_ACCESS_KEY=test");
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.path("running").asBoolean()).isTrue();
        assertThat(document.path("pid").asLong()).isEqualTo(recorded.pid());
        assertThat(down.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(down.out()).startsWith("Stopped moto_server at " + recorded.endpoint());
        assertThat(recorded.isRunning()).isFalse();
        assertThat(home.resolve("local.properties")).doesNotExist();
    }

    @Test
    void up_twice_reusesTheRunningServer() {
        local("up", "--engine", "moto", "--port", "0");
        LocalEndpoint first = LocalEndpoint.load(home.resolve("local.properties"));

        CliRun again = local("up", "--engine", "moto", "--port", "0");

        assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("A local DynamoDB is already running: moto_server at " + first.endpoint());
        assertThat(LocalEndpoint.load(home.resolve("local.properties"))).isEqualTo(first);
    }

    @Test
    void commands_withNothingStarted_sayHowToStartOne() {
        CliRun status = local("status");
        CliRun env = local("env");
        CliRun down = local("down");

        assertThat(status.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(status.out()).contains("No local DynamoDB was started (start one with 'limiter local up').");
        assertThat(env.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(env.err()).contains("no local DynamoDB is running: start one with 'limiter local up'");
        assertThat(down.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(down.out()).contains("No local DynamoDB is running.");
    }

    @Test
    void upStrict_startsTheStrictEngineAndSaysHowToControlIt() throws Exception {
        CliRun up = local("up", "--strict", "--port", "0");
        LocalEndpoint recorded = LocalEndpoint.load(home.resolve("local.properties"));
        CliRun status = local("status");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(ExitCode.OK);
        assertThat(recorded.kind()).isEqualTo(EndpointKind.MOTO_STRICT);
        assertThat(up.out()).contains("Started a local DynamoDB: moto_server (strict engine) at " + recorded.endpoint(),
                "export LIMITER_ENDPOINT_URL=" + recorded.endpoint(), recorded.endpoint() + "/_strict/stats");
        assertThat(status.out()).startsWith("Running: moto_server (strict engine) at " + recorded.endpoint());
        assertThat(StrictControl.of(recorded.endpoint()).stats().total().conflicts()).isZero();
    }

    @Test
    void upStrict_withEngineLocalStack_isAUsageError() {
        CliRun up = local("up", "--strict", "--engine", "localstack");

        assertThat(up.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(up.err()).contains("--strict runs the strict moto engine; it cannot be combined with --engine "
                + "localstack");
    }

    @Test
    void up_invalidPort_isAUsageError() {
        CliRun up = local("up", "--port", "70000");

        assertThat(up.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(up.err()).contains("Invalid value for option '--port': 70000 is not between 0 and 65535");
    }

    private CliRun local(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "local";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRun.with(Map.of("LIMITER_HOME", home.toString()), "", full);
    }
}
