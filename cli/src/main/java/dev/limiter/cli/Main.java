package dev.limiter.cli;

import picocli.CommandLine;

/**
 * The entry point of {@code limiter.jar}: parses the arguments, runs the command and exits with its
 * {@link ExitCode}. Errors print as one line on stderr ({@code -v} adds the stack trace).
 */
public final class Main {

    private Main() {
    }

    /** Runs {@code limiter} with {@code args} and exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * The fully wired command line: root command, subcommands, error handlers and the exit-code list. Tests call
     * {@code setOut}/{@code setErr} on it and then {@code execute(..)}.
     */
    public static CommandLine newCommandLine() {
        ErrorHandler errors = new ErrorHandler();
        CommandLine commandLine = new CommandLine(new LimiterCommand())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        commandLine.getCommandSpec().usageMessage().exitCodeList(ExitCode.descriptions());
        commandLine.getSubcommands().get("help").getCommandSpec().usageMessage()
                .footerHeading("%nExamples:%n")
                .footer("  limiter help demo    the same as: limiter demo --help");
        return commandLine;
    }
}
