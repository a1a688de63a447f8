package dev.limiter.cli.local;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.StateDirectory;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.localstack.LocalEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code limiter local down}: stops the process {@code local up} recorded, and only it (identified by pid and start
 * time, so a reused pid is never signalled), then forgets it.
 */
@Command(
        name = "down",
        description = "Stops the local DynamoDB started by 'limiter local up' (SIGTERM, then SIGKILL after 10 s) "
                + "and forgets it. Only the recorded process is stopped; its data is lost.%n",
        footerHeading = "%nExamples:%n",
        footer = "  limiter local down")
final class LocalDownCommand implements Callable<Integer> {

    private static final Duration GRACE = Duration.ofSeconds(10);

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin
    private StateDirectory home;

    @Override
    public Integer call() {
        LocalState state = new LocalState(home.path());
        Optional<LocalEndpoint> recorded = state.load();
        Terminal terminal = globals.terminal();
        boolean wasRunning = recorded.filter(LocalEndpoint::isRunning).isPresent();
        if (recorded.isPresent()) {
            if (!recorded.get().stop(GRACE)) {
                throw new IllegalStateException("pid " + recorded.get().pid() + " is still alive after SIGKILL");
            }
            state.clear();
        }
        if (globals.json()) {
            JsonOutput.print(terminal, Map.of("stopped", wasRunning));
        } else if (recorded.isEmpty()) {
            terminal.out().println("No local DynamoDB is running.");
        } else {
            terminal.out().println((wasRunning ? "Stopped " : "Forgot (it had already ended) ")
                    + LocalStatusCommand.describe(recorded.get()) + ".");
        }
        return ExitCode.OK;
    }
}
