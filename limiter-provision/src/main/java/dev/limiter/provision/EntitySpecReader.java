package dev.limiter.provision;

import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads one entry of {@code entities:}: the entity itself and its {@code limits} and per-resource limits. */
final class EntitySpecReader {

    private static final Set<String> RESOURCE = Set.of("limits");

    private final YamlReader yaml;
    private final Map<String, SourcePosition> positions;
    private final LimitSpecReader limitSpecs;
    private final BiConsumer<ConfigScope, LimitConfig> configs;

    EntitySpecReader(YamlReader yaml, Map<String, SourcePosition> positions, LimitSpecReader limitSpecs,
                     BiConsumer<ConfigScope, LimitConfig> configs) {
        this.yaml = yaml;
        this.positions = positions;
        this.limitSpecs = limitSpecs;
        this.configs = configs;
    }

    Optional<Entity> read(YamlReader.Entry entry, Map<String, YamlReader.Entry> fields) {
        String id = entry.key();
        positions.put("entity." + id, yaml.at(entry.keyNode()));
        Entity entity = Entity.root(id);
        if (fields.containsKey("parent")) {
            Node parent = fields.get("parent").value();
            positions.put("entity." + id + ".parent", yaml.at(parent));
            Optional<String> parentId = yaml.scalar(parent, "parent of entity '" + id + "'");
            if (parentId.isPresent() && parentId.get().equals(id)) {
                yaml.error(parent, "entity '" + id + "' cannot be its own parent");
            } else if (parentId.isPresent() && parentId.get().matches("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,255}")) {
                entity = entity.withParent(parentId.get());
            } else {
                parentId.ifPresent(p -> yaml.error(parent, "parent '" + p + "' of entity '" + id + "' is not a valid id"));
            }
        }
        if (fields.containsKey("cascade")) {
            entity = entity.withCascade(yaml.bool(fields.get("cascade").value(), "cascade of entity '" + id + "'")
                    .orElse(false));
        }
        if (fields.containsKey("display_name")) {
            Optional<String> name = yaml.scalar(fields.get("display_name").value(), "display_name of entity '" + id + "'");
            if (name.isPresent()) {
                entity = entity.withDisplayName(name.get());
            }
        }
        if (fields.containsKey("metadata")) {
            entity = entity.withMetadata(metadata(fields.get("metadata").value(), id));
        }
        readLimits(id, fields);
        return Optional.of(entity);
    }

    private Map<String, String> metadata(Node node, String id) {
        Map<String, String> metadata = new LinkedHashMap<>();
        yaml.mapping(node, "metadata of entity '" + id + "'", Set.of()).ifPresent(entries -> entries.values()
                .forEach(e -> yaml.scalar(e.value(), "metadata '" + e.key() + "'")
                        .ifPresent(value -> metadata.put(e.key(), value))));
        return metadata;
    }

    private void readLimits(String id, Map<String, YamlReader.Entry> fields) {
        if (fields.containsKey("limits")) {
            ConfigScope scope = ConfigScope.entityDefault(id);
            positions.put(Resource.addressOf(scope), yaml.at(fields.get("limits").keyNode()));
            configs.accept(scope, limitSpecs.read(fields.get("limits").value(), Resource.addressOf(scope)));
        }
        if (!fields.containsKey("resources")) {
            return;
        }
        for (YamlReader.Entry resource : yaml.mapping(fields.get("resources").value(), "resources of entity '" + id
                + "'", Set.of()).orElse(Map.of()).values()) {
            if (resource.key().equals("_default_")) {
                yaml.error(resource.keyNode(), "write entity '" + id + "' defaults under 'limits:' next to "
                        + "'resources:', not as resource '_default_'");
                continue;
            }
            if (!resource.key().matches("[A-Za-z0-9][A-Za-z0-9_.:@/-]{0,255}")) {
                yaml.error(resource.keyNode(), "resource '" + resource.key() + "' is invalid: must match "
                        + "[A-Za-z0-9][A-Za-z0-9_.:@/-]* and be 1 to 256 characters long");
                continue;
            }
            yaml.mapping(resource.value(), "resource '" + resource.key() + "' of entity '" + id + "'", RESOURCE)
                    .filter(limits -> limits.containsKey("limits")).ifPresent(limits -> {
                        ConfigScope scope = ConfigScope.entityResource(id, resource.key());
                        positions.put(Resource.addressOf(scope), yaml.at(resource.keyNode()));
                        configs.accept(scope, limitSpecs.read(limits.get("limits").value(), Resource.addressOf(scope)));
                    });
        }
    }
}
