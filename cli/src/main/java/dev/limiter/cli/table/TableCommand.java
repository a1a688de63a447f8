package dev.limiter.cli.table;

import dev.limiter.cli.CommandGroup;
import picocli.CommandLine.Command;

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
public final class TableCommand extends CommandGroup {

    /** Creates the command; picocli fills its fields. */
    public TableCommand() {
        // options are inherited from CommandGroup and injected by picocli
    }
}
