package dev.limiter.provision;

import dev.limiter.Limit;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.audit.AuditValues;
import dev.limiter.entity.Entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The semantic checks of a parsed limits file, offline: every parent is declared in the file, no parent chain forms
 * a cycle or grows deeper than the bound (errors); a cascading child's limit above its parent's and a burst below
 * the refill amount (warnings: legal, but a request above the smaller capacity can never be granted), and a local
 * allowance too small to hold one token (a warning: legal, but it serves nothing locally).
 */
public final class ManifestLinter {

    private final int maxDepth;

    /** A linter enforcing hierarchies of at most {@code maxDepth} levels. */
    public ManifestLinter(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** Every problem of {@code manifest}, errors first within each entity; empty when it is clean. */
    public List<ManifestProblem> lint(LimitsManifest manifest, String file) {
        List<ManifestProblem> problems = new ArrayList<>();
        Map<String, Entity> entities = new LinkedHashMap<>();
        manifest.entities().forEach(entity -> entities.put(entity.id(), entity));
        for (Entity entity : manifest.entities()) {
            checkChain(entity, entities, manifest, file, problems);
        }
        manifest.configs().forEach((scope, config) -> checkBursts(scope, config, manifest, file, problems));
        for (Entity entity : manifest.entities()) {
            if (entity.cascade() && entity.parent().isPresent() && entities.containsKey(entity.parent().get())) {
                checkAgainstParent(entity, manifest, file, problems);
            }
        }
        return problems;
    }

    private void checkChain(Entity entity, Map<String, Entity> entities, LimitsManifest manifest, String file,
                            List<ManifestProblem> problems) {
        List<String> chain = new ArrayList<>(List.of(entity.id()));
        Entity current = entity;
        while (current.parent().isPresent()) {
            String parent = current.parent().get();
            SourcePosition at = manifest.positionOf("entity." + current.id() + ".parent", file);
            if (!entities.containsKey(parent)) {
                if (current == entity) {
                    problems.add(ManifestProblem.error(at, "parent '" + parent + "' of entity '" + entity.id()
                            + "' is not declared under 'entities:'"));
                }
                return;
            }
            if (chain.contains(parent)) {
                if (chain.indexOf(parent) == 0) {
                    problems.add(ManifestProblem.error(manifest.positionOf("entity." + entity.id() + ".parent", file),
                            "entity '" + entity.id() + "' is in a parent cycle: " + String.join(" -> ", chain)
                                    + " -> " + parent));
                }
                return;
            }
            chain.add(parent);
            current = entities.get(parent);
        }
        if (chain.size() > maxDepth) {
            problems.add(ManifestProblem.error(manifest.positionOf("entity." + entity.id(), file), "entity '"
                    + entity.id() + "' is at depth " + chain.size() + ": hierarchies are limited to " + maxDepth
                    + " levels (" + String.join(" -> ", chain) + ")"));
        }
    }

    private static void checkBursts(ConfigScope scope, LimitConfig config, LimitsManifest manifest, String file,
                                    List<ManifestProblem> problems) {
        for (Limit limit : config.limits()) {
            if (limit.capacity() < limit.refillAmount()) {
                problems.add(ManifestProblem.warning(manifest.positionOf(Resource.addressOf(scope) + "."
                        + limit.name(), file), "limit '" + limit.name() + "' of " + scope + " has a burst of "
                        + limit.capacity() + " below its rate of " + limit.refillAmount() + " per "
                        + Durations.format(limit.refillPeriod()) + ": requests above " + limit.capacity()
                        + " can never be granted"));
            }
            if (limit.local().enabled() && limit.local().maxTokens(limit) == 0) {
                problems.add(ManifestProblem.warning(manifest.positionOf(Resource.addressOf(scope) + "."
                        + limit.name(), file), "limit '" + limit.name() + "' of " + scope + " has a local allowance "
                        + "of max_share " + AuditValues.share(limit.local().maxShare()) + " of a capacity of "
                        + limit.capacity() + ", which is less than one token: no process can hold any, so every "
                        + "acquire is charged to the table"));
            }
        }
    }

    private static void checkAgainstParent(Entity child, LimitsManifest manifest, String file,
                                           List<ManifestProblem> problems) {
        String parent = child.parent().orElseThrow();
        manifest.configs().forEach((scope, config) -> {
            ConfigScope parentScope = parentScope(scope, child.id(), parent).orElse(scope);
            if (parentScope.equals(scope) || !manifest.configs().containsKey(parentScope)) {
                return;
            }
            for (Limit limit : config.limits()) {
                manifest.configs().get(parentScope).limits().stream()
                        .filter(p -> p.name().equals(limit.name()) && p.capacity() < limit.capacity())
                        .findFirst()
                        .ifPresent(p -> problems.add(ManifestProblem.warning(manifest.positionOf(
                                Resource.addressOf(scope) + "." + limit.name(), file), "limit '" + limit.name()
                                + "' of entity '" + child.id() + "' (capacity " + limit.capacity() + ") is above its"
                                + " parent '" + parent + "' (capacity " + p.capacity() + "): cascaded requests above "
                                + p.capacity() + " can never be granted")));
            }
        });
    }

    /** The parent's counterpart of a child's scope, unless the scope is not the child's. */
    private static Optional<ConfigScope> parentScope(ConfigScope scope, String child, String parent) {
        if (scope instanceof ConfigScope.EntityDefault ed && ed.entity().equals(child)) {
            return Optional.of(ConfigScope.entityDefault(parent));
        }
        if (scope instanceof ConfigScope.EntityResource er && er.entity().equals(child)) {
            return Optional.of(ConfigScope.entityResource(parent, er.resource()));
        }
        return Optional.empty();
    }
}
