package dev.limiter.cli;

import dev.limiter.cli.options.Environment;
import dev.limiter.cli.options.EnvironmentDefaults;
import picocli.CommandLine;

/**
 * The entry point of {@code limiter.jar}: parses the arguments, runs the command and exits with its
 * {@link ExitCode}. Errors print on stderr ({@code -v} adds the stack trace).
 */
public final class Main {

    private Main() {
    }

    /** Runs {@code limiter} with {@code args} and exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        System.exit(newCommandLine(Environment.system()).execute(args));
    }

    /** {@link #newCommandLine(Environment)} with this process's environment. */
    public static CommandLine newCommandLine() {
        return newCommandLine(Environment.system());
    }

    /**
     * The fully wired command line: root command, subcommands, error handlers, environment defaults and the
     * exit-code list, running in {@code environment}. Tests call {@code setOut}/{@code setErr} on it and then
     * {@code execute(..)}.
     */
    public static CommandLine newCommandLine(Environment environment) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine commandLine = new CommandLine(new LimiterCommand(environment))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                // A table may be called like a command ("limits"), also when it comes from LIMITER_TABLE.
                .setAllowSubcommandsAsOptionParameters(true)
                .setDefaultValueProvider(new EnvironmentDefaults(environment));
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.descriptions());
        HelpCommand.addTo(commandLine);
        return commandLine;
    }
}
