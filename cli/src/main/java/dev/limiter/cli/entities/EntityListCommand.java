package dev.limiter.cli.entities;

import dev.limiter.RateLimiter;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code limiter entity list}: every entity of the namespace, sorted by id. */
@Command(
        name = "list",
        description = "Lists every entity of the namespace, sorted by id.%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter entity list --namespace prod",
            "  limiter entity list --output json"
        })
final class EntityListCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Override
    public Integer call() {
        try (TableConnection table = backend.connect()) {
            RateLimiter limiter = backend.limiter(table.backend());
            new EntityView(globals.terminal(), globals.json()).print(limiter.entities().list(),
                    "No entities in namespace '" + limiter.namespace() + "'.");
        }
        return ExitCode.OK;
    }
}
