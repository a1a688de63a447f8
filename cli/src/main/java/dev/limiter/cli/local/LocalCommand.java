package dev.limiter.cli.local;

import dev.limiter.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code limiter local}: a local DynamoDB for trying limiter: up, down, status, env. */
@Command(
        name = "local",
        description = {
            "A local DynamoDB for trying limiter: up, down, status, env.",
            "%nRuns a local DynamoDB for trying limiter without an AWS account: LocalStack in Docker when a Docker "
                + "daemon answers, otherwise moto_server (pip install 'moto[server]'). It keeps running after the "
                + "command returns; 'limiter local down' stops exactly the process 'up' started.%n"
        },
        subcommands = {
            LocalUpCommand.class,
            LocalDownCommand.class,
            LocalStatusCommand.class,
            LocalEnvCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter local up                      on 127.0.0.1:4566",
            "  eval \"$(limiter local env)\"           point limiter and the AWS SDK at it",
            "  limiter local status",
            "  limiter local down"
        })
public final class LocalCommand extends CommandGroup {

    /** Creates the command; picocli fills its fields. */
    public LocalCommand() {
        // options are inherited from CommandGroup and injected by picocli
    }
}
