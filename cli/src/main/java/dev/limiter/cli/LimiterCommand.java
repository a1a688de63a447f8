package dev.limiter.cli;

import dev.limiter.cli.demo.DemoCommand;
import dev.limiter.cli.options.GlobalOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The root command, {@code limiter}. It only groups subcommands: each command group is one class in its own
 * package, added with one line to {@code subcommands}. Run without a subcommand it prints its usage and returns
 * {@link ExitCode#USAGE}.
 */
@Command(
        name = "limiter",
        versionProvider = VersionProvider.class,
        description = "Rate limits shared by many processes, functions and hosts, stored in one DynamoDB table "
                + "(or in memory): lease-style acquires over several limits, adjusted by real usage, charged "
                + "along an org -> team -> user hierarchy.%n",
        subcommands = {
            DemoCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter demo                       simulate an LLM gateway for 10 seconds",
            "  limiter demo --duration 30s --workers 16 --seed 7",
            "  limiter help demo                  the demo's options"
        })
public final class LimiterCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean versionRequested;

    @Spec
    private CommandSpec spec;

    /** Creates the command; {@link Main#newCommandLine()} wires it into picocli. */
    public LimiterCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        commandLine.getErr().println("limiter: missing command");
        commandLine.usage(commandLine.getErr(), globals.terminal().ansi());
        return ExitCode.USAGE;
    }
}
