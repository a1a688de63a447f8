package dev.limiter.cli.entities;

import dev.limiter.RateLimiter;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code limiter entity children ID}: the direct children of an entity. */
@Command(
        name = "children",
        description = "Lists the direct children of an entity, sorted by id.%n",
        footerHeading = "%nExamples:%n",
        footer = "  limiter entity children acme")
final class EntityChildrenCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Parameters(index = "0", paramLabel = "ID", description = "The parent entity id.")
    private String id;

    @Override
    public Integer call() {
        try (TableConnection table = backend.connect()) {
            RateLimiter limiter = backend.limiter(table.backend());
            ExistingEntity.require(limiter, id);
            new EntityView(globals.terminal(), globals.json()).print(limiter.entities().children(id),
                    "Entity '" + id + "' has no children.");
        }
        return ExitCode.OK;
    }
}
