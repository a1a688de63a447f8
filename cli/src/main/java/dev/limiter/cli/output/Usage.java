package dev.limiter.cli.output;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What a command group prints when it is run without one of its commands. */
public final class Usage {

    private Usage() {
    }

    /** Prints "{@code <command>: missing command}" and the group's usage on stderr. */
    public static void printMissingCommand(CommandSpec group, Terminal terminal) {
        CommandLine commandLine = group.commandLine();
        terminal.err().println(group.qualifiedName() + ": missing command");
        commandLine.usage(terminal.err(), terminal.ansi());
        terminal.err().flush();
    }
}
