package dev.limiter.cli.entities;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

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
public final class EntityCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public EntityCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() {
        Usage.printMissingCommand(spec, globals.terminal());
        return ExitCode.USAGE;
    }
}
