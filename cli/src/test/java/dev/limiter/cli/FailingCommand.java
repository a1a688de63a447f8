package dev.limiter.cli;

import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

/**
 * A command named {@code failing}, with the global options, that fails with a given exception: what the
 * {@link ErrorHandler} prints and returns for it is what every command's users see for that failure.
 */
@Command(name = "failing")
class FailingCommand implements Callable<Integer> {

    private final RuntimeException failure;

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    FailingCommand(RuntimeException failure) {
        this.failure = failure;
    }

    /** The same command with the backend options as well, as the commands that reach DynamoDB have. */
    static FailingCommand withBackendOptions(RuntimeException failure) {
        return new WithBackend(failure);
    }

    /** Runs {@code command} with {@code args} through the CLI's error handler, printing errors to {@code err}. */
    static int execute(FailingCommand command, StringWriter err, String... args) {
        ErrorHandler handler = new ErrorHandler();
        CommandLine commandLine = new CommandLine(command)
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler);
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        throw failure;
    }

    /** {@link FailingCommand} with the backend options. */
    @Command(name = "failing")
    private static final class WithBackend extends FailingCommand {

        @Mixin(name = BackendOptions.MIXIN_NAME)
        private BackendOptions backend;

        WithBackend(RuntimeException failure) {
            super(failure);
        }
    }
}
