package dev.limiter.cli;

import dev.limiter.cli.audit.AuditCommand;
import dev.limiter.cli.demo.DemoCommand;
import dev.limiter.cli.entities.EntityCommand;
import dev.limiter.cli.limits.LimitsCommand;
import dev.limiter.cli.local.LocalCommand;
import dev.limiter.cli.options.Environment;
import dev.limiter.cli.status.AcquireCommand;
import dev.limiter.cli.status.ExplainCommand;
import dev.limiter.cli.table.TableCommand;
import dev.limiter.cli.usage.AggregateCommand;
import dev.limiter.cli.usage.UsageCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root command, {@code limiter}. It only groups subcommands: each command group is one class in its own
 * package, added with one line to {@code subcommands}. Run without a subcommand it prints its usage and returns
 * {@link ExitCode#USAGE}. It carries the {@link Environment} every command below it runs in.
 */
@Command(
        name = "limiter",
        versionProvider = VersionProvider.class,
        description = "Rate limits shared by many processes, functions and hosts, stored in one DynamoDB table "
                + "(or in memory): lease-style acquires over several limits, adjusted by real usage, charged "
                + "along an org -> team -> user hierarchy; limits declared in a YAML file and applied like "
                + "Terraform.%n",
        subcommands = {
            LimitsCommand.class,
            EntityCommand.class,
            ExplainCommand.class,
            AcquireCommand.class,
            UsageCommand.class,
            AggregateCommand.class,
            AuditCommand.class,
            TableCommand.class,
            LocalCommand.class,
            DemoCommand.class,
            CompletionCommand.class,
            HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter local up && eval \"$(limiter local env)\"   a local DynamoDB",
            "  limiter table create                             a development table",
            "  limiter limits plan -f examples/llm-gateway.yaml  what apply would do",
            "  limiter limits apply -f examples/llm-gateway.yaml",
            "  limiter explain acme-search gpt-4o               limits and buckets",
            "  limiter aggregate && limiter usage acme --chart  usage per hour",
            "  limiter demo                                     an LLM gateway, 10 s",
            "  limiter help limits plan                         a command's options"
        })
public final class LimiterCommand extends CommandGroup implements Environment.Holder {

    private final Environment environment;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean versionRequested;

    /** Creates the command running in {@code environment}; {@link Main#newCommandLine} wires it into picocli. */
    public LimiterCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Environment environment() {
        return environment;
    }
}
