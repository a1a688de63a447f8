package dev.limiter.cli.local;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.StateDirectory;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.localstack.LocalEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code limiter local env}: {@code export} lines pointing limiter and the AWS SDK at the running local DynamoDB. */
@Command(
        name = "env",
        description = {
            "Prints the environment variables that point limiter at the local DynamoDB.",
            "%nPrints shell 'export' lines that point limiter, the AWS SDK and CLI, and this project's tests at the "
                + "running local DynamoDB: LIMITER_ENDPOINT_URL, LIMITER_TABLE (--table, default limiter-local), "
                + "LIMITER_TEST_ENDPOINT, AWS_ENDPOINT_URL_DYNAMODB(_STREAMS), AWS_REGION, AWS_DEFAULT_REGION and "
                + "the fake credentials AWS_ACCESS_KEY_ID=test, AWS_SECRET_ACCESS_KEY=test. Exit 1 if none is "
                + "running.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  eval \"$(limiter local env)\"",
            "  eval \"$(limiter local env --table my-table)\""
        })
final class LocalEnvCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Mixin
    private StateDirectory home;

    @Override
    public Integer call() {
        LocalEndpoint running = new LocalState(home.path()).running().orElseThrow(() -> new IllegalStateException(
                "no local DynamoDB is running: start one with 'limiter local up'"));
        String table = backend.table().orElse(LocalEnvironment.DEFAULT_TABLE);
        Terminal terminal = globals.terminal();
        if (globals.json()) {
            JsonOutput.print(terminal, LocalEnvironment.of(running, table));
        } else {
            LocalEnvironment.exports(running, table).forEach(terminal.out()::println);
        }
        return ExitCode.OK;
    }
}
