package dev.limiter.cli.entities;

import dev.limiter.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code limiter entity}: create, get, list, children, delete. */
@Command(
        name = "entity",
        description = {
            "Create, get, list and delete the entities of a namespace.",
            "%nEntities are organisations, teams, users, API keys, each with an optional "
                + "parent and a cascade flag (charging the entity also charges its parent).%n"
        },
        subcommands = {
            EntityCreateCommand.class,
            EntityGetCommand.class,
            EntityListCommand.class,
            EntityChildrenCommand.class,
            EntityDeleteCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter entity create acme --display-name 'Acme Corp'",
            "  limiter entity create acme-search --parent acme --cascade",
            "  limiter entity children acme",
            "  limiter entity delete acme --recursive"
        })
public final class EntityCommand extends CommandGroup {

    /** Creates the command; picocli fills its fields. */
    public EntityCommand() {
        // options are inherited from CommandGroup and injected by picocli
    }
}
