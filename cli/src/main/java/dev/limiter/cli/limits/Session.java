package dev.limiter.cli.limits;

import dev.limiter.RateLimiterBuilder;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.cli.output.Terminal;
import dev.limiter.provision.LimitsManifest;
import dev.limiter.provision.LimitsProvisioning;
import dev.limiter.provision.LiveState;
import dev.limiter.provision.ManifestCheck;
import dev.limiter.provision.Plan;
import dev.limiter.provision.Target;

import java.util.Optional;

/**
 * The plan/apply engine on the table the options name, with the backend whose client it uses; close it to release
 * the client. Not thread-safe.
 */
final class Session implements AutoCloseable {

    /** The deepest entity hierarchy a limits file may declare: the limiter's default depth bound. */
    static final int MAX_DEPTH = RateLimiterBuilder.DEFAULT_MAX_DEPTH;

    private final TableConnection table;
    private final LimitsProvisioning engine;

    private Session(TableConnection table) {
        this.table = table;
        this.engine = new LimitsProvisioning(table.backend().client(), table.tableName(), MAX_DEPTH,
                table.audit().withSource("limits apply"));
    }

    /** Opens the engine on the table of {@code options}; fails with a usage error when no table is set. */
    static Session open(BackendOptions options) {
        return new Session(options.connect());
    }

    /** {@code file} parsed and linted once, offline: its manifest and every problem. */
    ManifestCheck check(LimitsFile file) {
        return engine.check(file.text(), file.name());
    }

    /**
     * The plan that brings the table in line with {@code file}, limited to {@code target} if given; warns on
     * {@code terminal} when the target matches nothing, which would otherwise look like "No changes.".
     *
     * @throws dev.limiter.provision.ManifestException if the file has errors
     */
    Plan plan(ManifestCheck file, Optional<Target> target, Terminal terminal) {
        LimitsManifest manifest = file.manifestOrThrow();
        LiveState live = engine.live(manifest.namespace());
        target.filter(t -> !matchesAnything(t, manifest, live)).ifPresent(t -> terminal.err().println("warning: "
                + "--target " + t + " matches nothing in the file or in namespace '" + manifest.namespace()
                + "' of the table: check the id (targets are entity:ID or resource:NAME)"));
        return engine.plan(manifest, live, target);
    }

    private static boolean matchesAnything(Target target, LimitsManifest manifest, LiveState live) {
        return manifest.resources().stream().anyMatch(resource -> target.covers(resource.address()))
                || live.resources().keySet().stream().anyMatch(target::covers);
    }

    LimitsProvisioning engine() {
        return engine;
    }

    String table() {
        return table.tableName();
    }

    @Override
    public void close() {
        table.close();
    }
}
