package dev.limiter.cli.local;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.StateDirectory;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.localstack.EndpointKind;
import dev.limiter.localstack.LocalEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code limiter local status}: whether the recorded local DynamoDB runs; exit 0 if it does, 1 if not. */
@Command(
        name = "status",
        description = "Says whether the local DynamoDB started by 'limiter local up' is running, where, and its "
                + "log file. Exit 0 when it runs, 1 when it does not.%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter local status",
            "  limiter local status --output json"
        })
final class LocalStatusCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin
    private StateDirectory home;

    @Override
    public Integer call() {
        Optional<LocalEndpoint> recorded = new LocalState(home.path()).load();
        boolean running = recorded.filter(LocalEndpoint::isRunning).isPresent();
        Terminal terminal = globals.terminal();
        if (globals.json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("running", running);
            recorded.ifPresent(endpoint -> document.putAll(document(endpoint)));
            JsonOutput.print(terminal, document);
        } else if (recorded.isEmpty()) {
            terminal.out().println("No local DynamoDB was started (start one with 'limiter local up').");
        } else if (running) {
            terminal.out().println("Running: " + describe(recorded.get()));
        } else {
            terminal.out().println("Not running: " + describe(recorded.get()) + " has ended; 'limiter local up' "
                    + "starts a new one.");
        }
        return running ? ExitCode.OK : ExitCode.ERROR;
    }

    /** {@code moto_server at http://127.0.0.1:4566 (pid 123, log ~/.limiter/local.log)}. */
    static String describe(LocalEndpoint endpoint) {
        return engine(endpoint) + " at " + endpoint.endpoint() + " (pid " + endpoint.pid() + ", log "
                + endpoint.logFile() + ")";
    }

    /** {@code engine}, {@code endpoint}, {@code pid} and {@code log} of a recorded server, for JSON output. */
    static Map<String, Object> document(LocalEndpoint endpoint) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("engine", engine(endpoint));
        document.put("endpoint", endpoint.endpoint().toString());
        document.put("pid", endpoint.pid());
        document.put("log", endpoint.logFile().toString());
        return document;
    }

    private static String engine(LocalEndpoint endpoint) {
        if (endpoint.kind() == EndpointKind.MOTO_STRICT) {
            return "moto_server (strict engine)";
        }
        return endpoint.kind() == EndpointKind.MOTO ? "moto_server" : "LocalStack";
    }
}
