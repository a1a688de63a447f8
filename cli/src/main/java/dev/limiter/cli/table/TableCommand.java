package dev.limiter.cli.table;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code limiter table}: create, describe and delete development tables. */
@Command(
        name = "table",
        description = {
            "Create, describe and delete development tables.",
            "%nCreates, describes and deletes a limiter table for development and tests, with the production schema "
                + "(keys, index, stream with new and old images, TTL). Production tables come from the CDK app.%n"
        },
        subcommands = {
            TableCreateCommand.class,
            TableDescribeCommand.class,
            TableDeleteCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter table create --table limiter-dev --endpoint-url http://127.0.0.1:4566",
            "  limiter table describe",
            "  limiter table delete --yes"
        })
public final class TableCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public TableCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() {
        Usage.printMissingCommand(spec, globals.terminal());
        return ExitCode.USAGE;
    }
}
