package dev.limiter.dynamodb.provision;

import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan/apply engine on one table: validate, plan, apply (directly or from a saved plan), export and destroy.
 * The {@code limiter limits} commands and the provisioner Lambda both use it, so they behave the same. Thread-safe.
 */
public final class LimitsProvisioning {

    private final DynamoDbAsyncClient client;
    private final String table;
    private final ManifestLinter linter;

    /** An engine on {@code table}, enforcing hierarchies of at most {@code maxDepth} levels. */
    public LimitsProvisioning(DynamoDbAsyncClient client, String table, int maxDepth) {
        this.client = Require.nonNull("client", client);
        this.table = Require.nonNull("table", table);
        this.linter = new ManifestLinter(maxDepth);
    }

    /** Every problem of a limits file, errors and warnings, in position order; empty when clean. Offline. */
    public List<ManifestProblem> validate(String text, String file) {
        return check(linter, text, file);
    }

    /**
     * {@link #validate} without a table, e.g. for {@code limiter limits validate}: every problem of a limits file,
     * errors and warnings, in position order, for hierarchies of at most {@code maxDepth} levels. Offline.
     */
    public static List<ManifestProblem> validate(String text, String file, int maxDepth) {
        return check(new ManifestLinter(maxDepth), text, file);
    }

    private static List<ManifestProblem> check(ManifestLinter linter, String text, String file) {
        List<ManifestProblem> problems;
        try {
            problems = new ArrayList<>(linter.lint(ManifestParser.parse(text, file), file));
        } catch (ManifestException invalid) {
            problems = new ArrayList<>(invalid.problems());
        }
        problems.sort(ManifestProblem.BY_POSITION);
        return List.copyOf(problems);
    }

    /**
     * Parses and lints a limits file. Offline.
     *
     * @throws ManifestException if it has errors (warnings alone do not fail)
     */
    public LimitsManifest load(String text, String file) {
        LimitsManifest manifest = ManifestParser.parse(text, file);
        List<ManifestProblem> problems = linter.lint(manifest, file);
        if (problems.stream().anyMatch(p -> p.severity() == ManifestProblem.Severity.ERROR)) {
            throw new ManifestException(problems);
        }
        return manifest;
    }

    /** The live state of {@code namespace}. */
    public LiveState live(String namespace) {
        return LiveState.read(client, table, namespace);
    }

    /** The plan that brings the table in line with {@code manifest}. */
    public Plan plan(LimitsManifest manifest, Optional<Target> target) {
        return Planner.plan(manifest, live(manifest.namespace()), target);
    }

    /** Applies {@code plan}. */
    public void apply(Plan plan, ApplyListener listener) {
        new Applier(client, table).apply(plan, listener);
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
        List<PlanFile.SavedChange> now = new ArrayList<>();
        plan.changes().forEach(change -> now.add(PlanFile.saved(change)));
        if (!now.equals(saved.changes())) {
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
            new Applier(client, table).adopt(live);
        }
        return ManifestWriter.toYaml(ManifestWriter.fromLive(live));
    }
}
