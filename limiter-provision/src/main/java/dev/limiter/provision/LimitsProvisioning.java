package dev.limiter.provision;

import dev.limiter.dynamodb.audit.AuditLog;
import dev.limiter.dynamodb.audit.AuditSettings;
import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan/apply engine on one table: validate, plan, apply (directly or from a saved plan), export and destroy.
 * The {@code limiter limits} commands and the provisioner Lambda both use it, so they behave the same. Thread-safe.
 */
public final class LimitsProvisioning {

    /** The actor of changes when none is given: the engine itself. */
    public static final String DEFAULT_ACTOR = "limits-engine";

    private final DynamoDbAsyncClient client;
    private final String table;
    private final ManifestLinter linter;
    private final AuditLog audit;

    /**
     * An engine on {@code table}, enforcing hierarchies of at most {@code maxDepth} levels, recording changes as
     * actor {@value #DEFAULT_ACTOR}, source {@code limits apply}.
     */
    public LimitsProvisioning(DynamoDbAsyncClient client, String table, int maxDepth) {
        this(client, table, maxDepth, AuditSettings.of(DEFAULT_ACTOR).withSource("limits apply"));
    }

    /** An engine on {@code table}, enforcing hierarchies of at most {@code maxDepth} levels, recording with {@code audit}. */
    public LimitsProvisioning(DynamoDbAsyncClient client, String table, int maxDepth, AuditSettings audit) {
        this.client = Require.nonNull("client", client);
        this.table = Require.nonNull("table", table);
        this.linter = new ManifestLinter(maxDepth);
        this.audit = new AuditLog(client, table, Require.nonNull("audit", audit));
    }

    /** Parses and lints a limits file once: its manifest and every problem, in file order. Offline. */
    public ManifestCheck check(String text, String file) {
        return ManifestCheck.of(linter, text, file);
    }

    /**
     * {@link #check} without a table, e.g. for {@code limiter limits validate}, for hierarchies of at most
     * {@code maxDepth} levels. Offline.
     */
    public static ManifestCheck check(String text, String file, int maxDepth) {
        return ManifestCheck.of(new ManifestLinter(maxDepth), text, file);
    }

    /**
     * Parses and lints a limits file. Offline.
     *
     * @throws ManifestException if it has errors (warnings alone do not fail)
     */
    public LimitsManifest load(String text, String file) {
        return check(text, file).manifestOrThrow();
    }

    /** The live state of {@code namespace}. */
    public LiveState live(String namespace) {
        return LiveState.read(client, table, namespace);
    }

    /** The plan that brings the table in line with {@code manifest}. */
    public Plan plan(LimitsManifest manifest, Optional<Target> target) {
        return plan(manifest, live(manifest.namespace()), target);
    }

    /**
     * The plan that brings {@code live}, read earlier by {@link #live}, in line with {@code manifest}. Offline.
     *
     * @throws IllegalArgumentException if {@code live} is another namespace's
     */
    public Plan plan(LimitsManifest manifest, LiveState live, Optional<Target> target) {
        if (!live.namespace().equals(manifest.namespace())) {
            throw new IllegalArgumentException("live state of namespace '" + live.namespace()
                    + "' cannot plan the limits file of namespace '" + manifest.namespace() + "'");
        }
        return Planner.plan(manifest, live, target);
    }

    /**
     * Applies {@code plan}.
     *
     * @throws PlanBlockedException if the plan has blockers; nothing is written then
     * @throws ApplyException       if a write failed; the changes reported before it are done
     */
    public void apply(Plan plan, ApplyListener listener) {
        if (plan.isBlocked()) {
            throw new PlanBlockedException(plan);
        }
        new Applier(client, table, audit).apply(plan, listener);
    }

    /**
     * Re-plans a saved plan against the table and returns it if nothing changed since it was saved.
     *
     * @throws StalePlanException if the namespace changed since, or the plan was made against another table
     */
    public Plan replan(PlanFile saved) {
        if (!saved.table().equals(table)) {
            throw new StalePlanException("the plan was made against table '" + saved.table() + "', not '" + table + "'");
        }
        LimitsManifest manifest = load(saved.manifest(), saved.manifestFile());
        Plan plan = plan(manifest, saved.parsedTarget());
        if (!plan.liveFingerprint().equals(saved.liveFingerprint())) {
            throw new StalePlanException("namespace '" + saved.namespace() + "' changed since the plan was saved: "
                    + "plan again and review the new plan");
        }
        if (!plan.changes().stream().map(PlanFile::saved).toList().equals(saved.changes())) {
            throw new StalePlanException("the saved plan's changes differ from a fresh plan of the same file: plan again");
        }
        return plan;
    }

    /** The plan that removes everything a limits file manages in {@code namespace} and nothing else. */
    public Plan destroyPlan(String namespace) {
        LimitsManifest nothing = new LimitsManifest(namespace, Optional.empty(), Map.of(), List.of(), Map.of());
        return plan(nothing, Optional.empty());
    }

    /**
     * The live configuration of {@code namespace} as a limits file; with {@code adopt}, also marks every exported
     * resource as managed so that the file owns it from now on.
     */
    public String export(String namespace, boolean adopt) {
        LiveState live = live(namespace);
        if (adopt) {
            new Applier(client, table, audit).adopt(live);
        }
        return ManifestWriter.toYaml(ManifestWriter.fromLive(live));
    }
}
