package dev.limiter.provision;

import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import dev.limiter.internal.Require;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed limits file: the desired configuration of one namespace.
 *
 * @param namespace     the namespace the file manages
 * @param onUnavailable the namespace's declared policy for unavailable backends, if the file sets one
 * @param configs       limit configurations by scope, in file order
 * @param entities      entities in file order
 * @param positions     where each resource was declared, by {@link Resource#address() address}
 */
public record LimitsManifest(String namespace, Optional<OnUnavailable> onUnavailable,
                             Map<ConfigScope, LimitConfig> configs, List<Entity> entities,
                             Map<String, SourcePosition> positions) {

    /** Validates the namespace and copies the collections, keeping their order. */
    public LimitsManifest {
        Require.namespace("namespace", namespace);
        configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
        entities = List.copyOf(entities);
        positions = Map.copyOf(positions);
    }

    /** The resources this file declares: settings (if any), entities, then configurations. */
    public List<Resource> resources() {
        java.util.ArrayList<Resource> resources = new java.util.ArrayList<>();
        onUnavailable.ifPresent(policy -> resources.add(new Resource.Settings(policy)));
        entities.forEach(entity -> resources.add(new Resource.EntityResource(entity)));
        configs.forEach((scope, config) -> resources.add(new Resource.Config(scope, config)));
        return resources;
    }

    /** Where {@code address} was declared, or the file itself if unknown. */
    public SourcePosition positionOf(String address, String file) {
        return positions.getOrDefault(address, SourcePosition.unknown(file));
    }
}
