package dev.limiter.cli;

import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.provision.ManifestException;
import dev.limiter.provision.ManifestProblem;
import dev.limiter.provision.StalePlanException;
import dev.limiter.internal.Futures;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Turns failures into clear lines on stderr: usage errors name the bad argument and point at {@code --help}
 * ({@link ExitCode#USAGE}); failures while running name the command and the cause ({@link ExitCode#ERROR}), with
 * the stack trace only under {@code -v/--verbose}. An invalid limits file prints every problem as
 * {@code file:line:column: error: message}; an unreachable backend adds a hint.
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
        Throwable cause = Futures.unwrap(failure);
        boolean verbose = GlobalOptions.verbose(commandLine.getCommandSpec());
        String name = commandLine.getCommandSpec().qualifiedName();
        if (cause instanceof ManifestException invalid) {
            printProblems(err, name, invalid);
        } else if (cause instanceof RateLimiterUnavailableException unavailable) {
            printUnavailable(err, name, unavailable, BackendOptions.target(commandLine.getCommandSpec()));
        } else {
            err.println(name + ": error: " + describe(cause)
                    + (verbose || expected(cause) ? "" : " (run with -v for the stack trace)"));
            hint(cause).ifPresent(hint -> err.println("hint: " + hint));
        }
        if (verbose) {
            cause.printStackTrace(err);
        }
        err.flush();
        return cause instanceof AmountExceedsCapacityException ? ExitCode.LIMIT_EXCEEDED : ExitCode.ERROR;
    }

    /**
     * The backend failed: one short line naming the region and endpoint, never the SDK's page of provider chain
     * text for missing credentials, and the 'local up' hint only when the endpoint is on this machine.
     */
    private static void printUnavailable(PrintWriter err, String name, RateLimiterUnavailableException failure,
                                         Optional<BackendOptions.Target> target) {
        String where = target.map(t -> " (" + t + ")").orElse("");
        if (isMissingCredentials(failure)) {
            err.println(name + ": error: no AWS credentials found" + where + ": set AWS_PROFILE or --profile, or "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an IAM role is available");
            return;
        }
        String message = String.valueOf(failure.getMessage());
        err.println(name + ": error: " + message + where);
        if (message.contains("does not exist")) {
            err.println("hint: a table lives in one region: check --region and --endpoint-url (or AWS_REGION, "
                    + "LIMITER_ENDPOINT_URL)");
        } else if (target.map(BackendOptions.Target::local).orElse(false)) {
            err.println("hint: nothing answers at the local endpoint: 'limiter local up' starts a local DynamoDB");
        } else {
            err.println("hint: check --endpoint-url, --region and your AWS credentials");
        }
    }

    private static boolean isMissingCredentials(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkClientException && String.valueOf(cause.getMessage())
                    .contains("Unable to load credentials")) {
                return true;
            }
        }
        return false;
    }

    private static void printProblems(PrintWriter err, String name, ManifestException invalid) {
        long errors = invalid.problems().stream().filter(ManifestProblem::isError).count();
        invalid.problems().forEach(err::println);
        err.println(name + ": error: the limits file has " + errors + (errors == 1 ? " error" : " errors")
                + "; nothing was changed");
    }

    private static Optional<String> hint(Throwable cause) {
        if (cause instanceof StalePlanException) {
            return Optional.of("run 'limiter limits plan --out FILE' again and review the new plan");
        }
        return Optional.empty();
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        if (cause instanceof StalePlanException) {
            return "stale plan: " + message;
        }
        return expected(cause) ? message : type + ": " + message;
    }

    /** Failures whose message says everything: bad input, missing files, the limiter's own exceptions. */
    private static boolean expected(Throwable cause) {
        return cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                || cause instanceof UncheckedIOException || cause instanceof RuntimeException
                && cause.getClass().getPackageName().startsWith("dev.limiter");
    }
}
