package dev.limiter.cli;

import dev.limiter.cli.options.GlobalOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlerTest {

    private final StringWriter err = new StringWriter();

    @Test
    void executionFailure_printsOneLineWithoutStackTrace_exitsWithError() {
        int exitCode = execute();

        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).isEqualTo(
                "failing: error: table 'limits' not found (run with -v for the stack trace)" + System.lineSeparator());
    }

    @Test
    void executionFailure_verbose_addsTheStackTrace() {
        int exitCode = execute("-v");

        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).startsWith("failing: error: table 'limits' not found" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: table 'limits' not found", "\tat ");
    }

    private int execute(String... args) {
        ErrorHandler handler = new ErrorHandler();
        CommandLine commandLine = new CommandLine(new Failing())
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler);
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** A command that fails the way an async library call does: wrapped in a CompletionException. */
    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {

        @Mixin(name = GlobalOptions.MIXIN_NAME)
        private GlobalOptions globals;

        @Override
        public Integer call() {
            throw new CompletionException(new IllegalStateException("table 'limits' not found"));
        }
    }
}
