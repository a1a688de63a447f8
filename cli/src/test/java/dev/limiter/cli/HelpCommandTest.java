package dev.limiter.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: {@code help} reaches a command at any depth, from the root and from a command group. */
class HelpCommandTest {

    @Test
    void help_limitsPlan_printsThePlanHelpNotTheGroups() {
        CliRun help = CliRun.of("help", "limits", "plan");

        assertThat(help.exitCode()).as(help.output()).isEqualTo(ExitCode.OK);
        assertThat(help.out()).isEqualTo(CliRun.of("limits", "plan", "--help").out()).contains("--detailed-exitcode");
    }

    @Test
    void limitsHelp_plan_printsThePlanHelp() {
        CliRun help = CliRun.of("limits", "help", "plan");

        assertThat(help.exitCode()).as(help.output()).isEqualTo(ExitCode.OK);
        assertThat(help.out()).isEqualTo(CliRun.of("limits", "plan", "--help").out());
    }

    @Test
    void help_noCommand_printsTheRootHelp() {
        CliRun help = CliRun.of("help");

        assertThat(help.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(help.out()).contains("Usage: limiter", "Exit codes:");
    }

    @Test
    void help_unknownCommand_isAUsageErrorListingTheCommands() {
        CliRun help = CliRun.of("help", "limits", "plna");

        assertThat(help.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(help.err()).contains("unknown command 'plna' for 'limiter limits'", "plan, apply");
    }
}
