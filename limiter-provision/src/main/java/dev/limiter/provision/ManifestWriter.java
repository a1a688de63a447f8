package dev.limiter.provision;

import dev.limiter.Limit;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.audit.AuditValues;
import dev.limiter.entity.Entity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a limits file, e.g. to export a namespace's live configuration. Output is deterministic (sorted) and parses
 * back into an equal manifest, so {@code export} followed by {@code plan} shows no changes.
 */
public final class ManifestWriter {

    private final StringBuilder out = new StringBuilder();

    private ManifestWriter() {
    }

    /** The live state of a namespace as a manifest declaring exactly it. */
    public static LimitsManifest fromLive(LiveState live) {
        Map<ConfigScope, LimitConfig> configs = new java.util.LinkedHashMap<>();
        List<Entity> entities = new java.util.ArrayList<>();
        Optional<dev.limiter.OnUnavailable> policy = Optional.empty();
        for (LiveState.Live resource : live.list()) {
            if (resource.resource() instanceof Resource.Config config) {
                configs.put(config.scope(), config.config());
            } else if (resource.resource() instanceof Resource.EntityResource entity) {
                entities.add(entity.entity());
            } else if (resource.resource() instanceof Resource.Settings settings) {
                policy = Optional.of(settings.onUnavailable());
            }
        }
        return new LimitsManifest(live.namespace(), policy, configs, entities, Map.of());
    }

    /** {@code manifest} as the text of a limits file. */
    public static String toYaml(LimitsManifest manifest) {
        ManifestWriter writer = new ManifestWriter();
        writer.write(manifest);
        return writer.out.toString();
    }

    private void write(LimitsManifest manifest) {
        line(0, "namespace: " + quote(manifest.namespace()));
        LimitConfig namespaceLimits = manifest.configs().get(ConfigScope.namespace());
        if (manifest.onUnavailable().isPresent() || namespaceLimits != null) {
            line(0, "defaults:");
            manifest.onUnavailable().ifPresent(p -> line(1, "on_unavailable: " + p.name().toLowerCase()));
            if (namespaceLimits != null) {
                limits(1, namespaceLimits);
            }
        }
        Map<String, LimitConfig> resources = new TreeMap<>();
        manifest.configs().forEach((scope, config) -> {
            if (scope instanceof ConfigScope.Resource r) {
                resources.put(r.resource(), config);
            }
        });
        if (!resources.isEmpty()) {
            line(0, "resources:");
            resources.forEach((name, config) -> {
                line(1, quote(name) + ":");
                limits(2, config);
            });
        }
        List<Entity> entities = manifest.entities().stream().sorted(Comparator.comparing(Entity::id)).toList();
        if (!entities.isEmpty()) {
            line(0, "entities:");
            entities.forEach(entity -> entity(entity, manifest.configs()));
        }
    }

    private void entity(Entity entity, Map<ConfigScope, LimitConfig> configs) {
        line(1, quote(entity.id()) + ":");
        int bodyStart = out.length();
        entity.parent().ifPresent(parent -> line(2, "parent: " + quote(parent)));
        if (entity.cascade()) {
            line(2, "cascade: true");
        }
        entity.displayName().ifPresent(name -> line(2, "display_name: " + quote(name)));
        if (!entity.metadata().isEmpty()) {
            line(2, "metadata:");
            entity.metadata().forEach((key, value) -> line(3, quote(key) + ": " + quote(value)));
        }
        LimitConfig defaults = configs.get(ConfigScope.entityDefault(entity.id()));
        if (defaults != null) {
            limits(2, defaults);
        }
        Map<String, LimitConfig> perResource = new TreeMap<>();
        configs.forEach((scope, config) -> {
            if (scope instanceof ConfigScope.EntityResource er && er.entity().equals(entity.id())) {
                perResource.put(er.resource(), config);
            }
        });
        if (!perResource.isEmpty()) {
            line(2, "resources:");
            perResource.forEach((name, config) -> {
                line(3, quote(name) + ":");
                limits(4, config);
            });
        }
        if (out.length() == bodyStart) {
            // A root without attributes or limits: "id:" alone would read back as null, not as an entity.
            out.setLength(bodyStart - 1);
            out.append(" {}\n");
        }
    }

    private void limits(int depth, LimitConfig config) {
        line(depth, "limits:" + (config.isEmpty() ? " {}" : ""));
        config.limits().stream().sorted(Comparator.comparing(Limit::name))
                .forEach(limit -> line(depth + 1, quote(limit.name()) + ": " + limit(limit)));
        config.unlimited().stream().sorted().forEach(name -> line(depth + 1, quote(name) + ": {unlimited: true}"));
    }

    private static String limit(Limit limit) {
        Optional<String> per = Durations.word(limit.refillPeriod());
        String shadow = (limit.shadow() ? ", shadow: true" : "") + local(limit);
        if (per.isEmpty()) {
            return "{capacity: " + limit.capacity() + ", refill_amount: " + limit.refillAmount() + ", refill_period: "
                    + Durations.format(limit.refillPeriod()) + shadow + "}";
        }
        String burst = limit.capacity() == limit.refillAmount() ? "" : ", burst: " + limit.capacity();
        return "{rate: " + limit.refillAmount() + ", per: " + per.get() + burst + shadow + "}";
    }

    /** The {@code local:} field, always with both keys so a file keeps its meaning if the defaults change. */
    private static String local(Limit limit) {
        if (!limit.local().enabled()) {
            return "";
        }
        return ", local: {max_share: " + AuditValues.share(limit.local().maxShare()) + ", max_hold: "
                + Durations.format(limit.local().maxHold()) + "}";
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    /** A YAML scalar: plain when it is a simple word, double-quoted otherwise. */
    private static String quote(String value) {
        if (value.matches("[A-Za-z_][A-Za-z0-9_.-]*") && !value.matches("(?i)true|false|null|yes|no|on|off|~")) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
