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

/** {@code limiter entity get ID}: prints one entity; exit 1 if it does not exist. */
@Command(
        name = "get",
        description = "Prints an entity: parent, cascade flag, display name and metadata.%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter entity get acme-search",
            "  limiter entity get acme-search --output json"
        })
final class EntityGetCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Parameters(index = "0", paramLabel = "ID", description = "The entity id.")
    private String id;

    @Override
    public Integer call() {
        try (TableConnection table = backend.connect()) {
            RateLimiter limiter = backend.limiter(table.backend());
            new EntityView(globals.terminal(), globals.json()).print(ExistingEntity.require(limiter, id));
        }
        return ExitCode.OK;
    }
}
