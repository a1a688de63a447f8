package dev.limiter.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LimiterCommandTest {

    @Test
    void help_listsDemoExamplesAndExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("Usage: limiter")
                .containsPattern("(?m)^\\s+demo\\s+Simulates an LLM gateway")
                .containsPattern("(?m)^\\s+limits\\s+Declarative limits")
                .contains("Examples:", "limiter limits plan -f examples/llm-gateway.yaml")
                .contains("Exit codes:", "2:    plan/diff --detailed-exitcode", "64:   usage error");
        assertThat(run.out().replaceAll("\\s+", " ")).contains("--endpoint-url=URL", "env: LIMITER_ENDPOINT_URL", "--table=TABLE", "env: LIMITER_TABLE",
                        "--region=REGION", "env: AWS_REGION", "--profile=NAME", "env: AWS_PROFILE",
                        "--namespace=NS", "env: LIMITER_NAMESPACE", "--output=FORMAT", "env: LIMITER_OUTPUT");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyCommandsHelp_includesAnExample() {
        List<CommandLine> commands = allCommands();

        assertThat(commands).hasSizeGreaterThanOrEqualTo(25).allSatisfy(command ->
                assertThat(command.getUsageMessage()).as(command.getCommandSpec().qualifiedName())
                        .containsPattern("Examples:" + System.lineSeparator() + "  (limiter|source|eval)"));
    }

    @Test
    void everyCommandsHelp_fitsEightyColumnsWithoutWrappedExamples() {
        List<CommandLine> commands = allCommands();

        assertThat(commands).allSatisfy(command -> assertThat(command.getCommandSpec().usageMessage().footer())
                .as(command.getCommandSpec().qualifiedName())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80)));
    }

    @Test
    void version_printsVersion() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("limiter ");
    }

    @Test
    void noCommand_printsUsageOnStderr_exitsWithUsageError() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("limiter: missing command", "Usage: limiter");
    }

    @Test
    void unknownOption_printsOneUsageErrorAndHint_exitsWithUsageError() {
        CliRun run = CliRun.of("demo", "--bogus");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("limiter demo: Unknown option: '--bogus'")
                .contains("Run 'limiter demo --help' for usage.")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownCommand_suggestsTheClosestOne_exitsWithUsageError() {
        CliRun run = CliRun.of("demi");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'demi'", "demo");
    }

    @Test
    void exitCodes_areDistinctAndDocumented_terraformsMeaningsForZeroToTwo() {
        assertThat(ExitCode.descriptions()).containsOnlyKeys("0:", "1:", "2:", "3:", "64:");
        assertThat(new int[] {ExitCode.OK, ExitCode.ERROR, ExitCode.CHANGES, ExitCode.LIMIT_EXCEEDED, ExitCode.USAGE})
                .containsExactly(0, 1, 2, 3, 64);
    }

    @Test
    void groupWithoutCommand_printsItsUsage_exitsWithUsageError() {
        CliRun run = CliRun.of("limits");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("limiter limits: missing command", "Usage: limiter limits", "validate", "plan",
                "apply", "diff", "export");
    }

    @Test
    void commandNeedingATable_withoutOne_isAUsageErrorNamingOptionAndVariable() {
        CliRun run = CliRun.of("entity", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Missing the DynamoDB table: pass --table TABLE or set LIMITER_TABLE");
    }

    @Test
    void invalidTableName_isAUsageErrorNamingTheOption() {
        CliRun run = CliRun.of("entity", "list", "--table", "t!", "--endpoint-url", "http://127.0.0.1:9");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--table': tableName 't!' is invalid");
    }

    @Test
    void invalidEndpointUrl_isAUsageError() {
        CliRun run = CliRun.of("entity", "list", "--table", "limits", "--endpoint-url", "localhost:4566");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--endpoint-url': 'localhost:4566' is not an "
                + "http(s) URL");
    }

    /** The root command and every command below it, breadth first. */
    private static List<CommandLine> allCommands() {
        List<CommandLine> commands = new ArrayList<>(List.of(Main.newCommandLine()));
        for (int i = 0; i < commands.size(); i++) {
            commands.addAll(commands.get(i).getSubcommands().values());
        }
        return commands;
    }
}
