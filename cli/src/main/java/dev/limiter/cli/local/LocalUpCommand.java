package dev.limiter.cli.local;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.DurationConverter;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.StateDirectory;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.localstack.EndpointKind;
import dev.limiter.localstack.LocalEndpoint;
import dev.limiter.localstack.MotoEngine;
import dev.limiter.localstack.MotoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code limiter local up}: starts a detached local DynamoDB and records it; a running one is reused. */
@Command(
        name = "up",
        sortOptions = false,
        description = {
            "Starts a local DynamoDB and prints how to use it.",
            "%nStarts a local DynamoDB on 127.0.0.1 that keeps running after this command, records it in "
                + "HOME/local.properties and prints the environment variables that point limiter at it.",
            "%n--engine auto (the default) uses LocalStack when a Docker daemon answers, moto_server otherwise. "
                + "If one is already running, it is reused.",
            "%n--strict starts moto behind the strict engine instead: DynamoDB's transaction conflicts, "
                + "per-partition-key write throttling (1,000 write units/s), ClientRequestToken idempotency and "
                + "expression limits, controlled over HTTP under /_strict/ on the same port.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter local up",
            "  limiter local up --engine moto --port 0     moto_server on any free port",
            "  limiter local up --strict                   the strict engine (moto with DynamoDB's conflicts and limits)",
            "  eval \"$(limiter local env)\" && limiter table create"
        })
final class LocalUpCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Mixin
    private StateDirectory home;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "auto, moto or localstack (default: ${DEFAULT-VALUE}).")
    private Engine engine;

    @Option(names = "--strict", description = "Start the strict moto engine (implies --engine moto).")
    private boolean strict;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "4566",
            description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for the server to answer (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--port': " + port
                    + " is not between 0 and 65535");
        }
        if (strict && engine == Engine.localstack) {
            throw new ParameterException(spec.commandLine(), "--strict runs the strict moto engine; it cannot be "
                    + "combined with --engine localstack");
        }
        LocalState state = new LocalState(home.path());
        Optional<LocalEndpoint> running = state.running();
        boolean reused = running.isPresent();
        if (reused && strict != (running.get().kind() == EndpointKind.MOTO_STRICT)) {
            globals.terminal().err().println("The running local DynamoDB is " + LocalStatusCommand.describe(running.get())
                    + "; run 'limiter local down' first to start " + (strict ? "the strict engine." : "another."));
            return ExitCode.ERROR;
        }
        if (!reused) {
            state.createHome();
            running = Optional.of(start(state));
            state.save(running.get());
        }
        String table = backend.table().orElse(LocalEnvironment.DEFAULT_TABLE);
        if (globals.json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("started", !reused);
            document.put("status", LocalStatusCommand.document(running.get()));
            document.put("environment", LocalEnvironment.of(running.get(), table));
            JsonOutput.print(globals.terminal(), document);
        } else {
            print(globals.terminal(), running.get(), reused, table);
        }
        return ExitCode.OK;
    }

    private static void print(Terminal terminal, LocalEndpoint endpoint, boolean reused, String table) {
        terminal.out().println((reused ? "A local DynamoDB is already running: " : "Started a local DynamoDB: ")
                + LocalStatusCommand.describe(endpoint));
        terminal.out().println();
        terminal.out().println("Point limiter and the AWS SDK at it with: eval \"$(limiter local env)\"");
        LocalEnvironment.exports(endpoint, table).forEach(line -> terminal.out().println("  " + line));
        terminal.out().println("Then create a table: limiter table create");
        if (endpoint.kind() == EndpointKind.MOTO_STRICT) {
            terminal.out().println();
            terminal.out().println("Strict engine: transactions hold their items for 10 ms (conflicts), writes are "
                    + "throttled at 1,000 units/s per partition key, ClientRequestToken is honoured.");
            terminal.out().println("Tune it per table, for example: curl -X POST " + endpoint.endpoint()
                    + "/_strict/config -d '{\"table\":\"*\",\"transactionHoldMillis\":50}'");
            terminal.out().println("Counters: curl " + endpoint.endpoint() + "/_strict/stats");
        }
    }

    private LocalEndpoint start(LocalState state) {
        if (strict) {
            return MotoServer.startDetached(MotoEngine.STRICT, port, state.log(), timeout);
        }
        Engine chosen = engine == Engine.auto
                ? (LocalStackProcess.dockerAvailable() ? Engine.localstack : Engine.moto) : engine;
        if (chosen == Engine.localstack) {
            return LocalStackProcess.start(port == 0 ? 4566 : port, state.log(), timeout);
        }
        return port == 0 ? MotoServer.startDetached(state.log(), timeout)
                : MotoServer.startDetached(port, state.log(), timeout);
    }
}
