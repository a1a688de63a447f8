package dev.limiter.cli.entities;

import dev.limiter.RateLimiter;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.entity.Entity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code limiter entity delete ID}: refuses while the entity has children, unless {@code --recursive}. */
@Command(
        name = "delete",
        description = "Deletes an entity. Refuses while it has children, unless --recursive deletes them too "
                + "(leaves first). Limit configurations stored for the entity are kept.%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter entity delete alice",
            "  limiter entity delete acme --recursive    acme and everything below it"
        })
final class EntityDeleteCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Parameters(index = "0", paramLabel = "ID", description = "The entity id.")
    private String id;

    @Option(names = {"-r", "--recursive"}, description = "Also delete every descendant.")
    private boolean recursive;

    @Override
    public Integer call() {
        try (TableConnection table = backend.connect()) {
            RateLimiter limiter = backend.limiter(table.backend());
            ExistingEntity.require(limiter, id);
            if (!recursive) {
                refuseParent(limiter);
            }
            int deleted = recursive ? limiter.entities().deleteRecursively(id) : limiter.entities().delete(id) ? 1 : 0;
            new EntityView(globals.terminal(), globals.json()).done("Deleted " + deleted
                    + (deleted == 1 ? " entity." : " entities."), "deleted", deleted);
        }
        return ExitCode.OK;
    }

    /** Without --recursive, deleting a parent would orphan its children. */
    private void refuseParent(RateLimiter limiter) {
        List<Entity> children = limiter.entities().children(id);
        if (!children.isEmpty()) {
            throw new IllegalStateException("entity '" + id + "' has " + children.size() + (children.size() == 1
                    ? " child" : " children") + " (e.g. '" + children.get(0).id() + "'): delete them first, or "
                    + "pass --recursive to delete them too");
        }
    }
}
