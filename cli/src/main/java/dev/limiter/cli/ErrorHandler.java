package dev.limiter.cli;

import dev.limiter.cli.options.GlobalOptions;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns failures into one clear line on stderr: usage errors name the bad argument and point at {@code --help}
 * ({@link ExitCode#USAGE}); failures while running name the command and the cause ({@link ExitCode#ERROR}), with
 * the stack trace only under {@code -v/--verbose}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine commandLine = failure.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String name = commandLine.getCommandSpec().qualifiedName();
        err.println(name + ": " + failure.getMessage());
        UnmatchedArgumentException.printSuggestions(failure, err);
        err.println("Run '" + name + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = unwrap(failure);
        boolean verbose = isVerbose(parseResult);
        err.println(commandLine.getCommandSpec().qualifiedName() + ": error: " + describe(cause)
                + (verbose ? "" : " (run with -v for the stack trace)"));
        if (verbose) {
            cause.printStackTrace(err);
        }
        err.flush();
        return ExitCode.ERROR;
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(GlobalOptions.VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        return cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                ? message : type + ": " + message;
    }
}
