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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code limiter entity create ID}: stores a new entity; the parent must exist and the hierarchy stay in bounds. */
@Command(
        name = "create",
        sortOptions = false,
        description = "Creates an entity. Its parent must exist, no cycle may form and the hierarchy may not grow "
                + "deeper than 8 levels; an existing entity is only replaced with --replace.%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter entity create acme --display-name 'Acme Corp' --metadata tier=gold",
            "  limiter entity create acme-search --parent acme --cascade",
            "  limiter entity create acme-search --parent acme --replace    change an entity"
        })
final class EntityCreateCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Parameters(index = "0", paramLabel = "ID", description = "The entity id: [A-Za-z0-9][A-Za-z0-9_.:@-]*.")
    private String id;

    @Option(names = "--parent", paramLabel = "ID", description = "The parent entity (must exist).")
    private String parent;

    @Option(names = "--cascade", description = "Charging this entity also charges its parent.")
    private boolean cascade;

    @Option(names = "--display-name", paramLabel = "NAME", description = "A human-readable name.")
    private String displayName;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Free-form metadata; repeatable.")
    private Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--replace", description = "Replace the entity if it exists.")
    private boolean replace;

    @Override
    public Integer call() {
        Entity entity = (parent == null ? Entity.root(id) : Entity.child(id, parent)).withCascade(cascade)
                .withMetadata(metadata);
        if (displayName != null) {
            entity = entity.withDisplayName(displayName);
        }
        try (TableConnection table = backend.connect()) {
            RateLimiter limiter = backend.limiter(table.backend());
            if (!replace && limiter.entities().get(id).isPresent()) {
                throw new IllegalStateException("entity '" + id + "' already exists in namespace '"
                        + limiter.namespace() + "': pass --replace to replace it");
            }
            limiter.entities().put(entity);
            new EntityView(globals.terminal(), globals.json()).done("Entity '" + id + "' "
                    + (replace ? "stored" : "created") + " in namespace '" + limiter.namespace() + "'.", "created", id);
        }
        return ExitCode.OK;
    }
}
