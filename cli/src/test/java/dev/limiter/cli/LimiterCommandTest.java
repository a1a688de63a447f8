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
                .contains("Examples:", "limiter demo --duration 30s")
                .contains("Exit codes:", "3:   demo: a limit admitted more than it allows");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyCommandsHelp_includesAnExample() {
        CommandLine root = Main.newCommandLine();
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        for (int i = 0; i < commands.size(); i++) {
            commands.addAll(commands.get(i).getSubcommands().values());
        }

        assertThat(commands).hasSizeGreaterThanOrEqualTo(3).allSatisfy(command ->
                assertThat(command.getUsageMessage()).as(command.getCommandName())
                        .contains("Examples:" + System.lineSeparator() + "  limiter"));
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
    void exitCodes_areDistinctAndDocumented() {
        assertThat(ExitCode.descriptions()).containsOnlyKeys("0:", "1:", "2:", "3:");
        assertThat(new int[] {ExitCode.OK, ExitCode.ERROR, ExitCode.USAGE, ExitCode.LIMIT_EXCEEDED})
                .containsExactly(0, 1, 2, 3);
    }
}
