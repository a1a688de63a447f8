package dev.limiter.provision;

import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Something a limits file manages, with a stable address and a flat view of its attributes that plans compare by
 * value and print as {@code old -> new}.
 */
public sealed interface Resource {

    /** A stable, human-readable address, e.g. {@code entity.acme} or {@code limits.resource.gpt-4}. */
    String address();

    /** The attributes compared by value, sorted by name. */
    Map<String, String> attributes();

    /** The namespace's settings. @param onUnavailable the declared policy */
    record Settings(OnUnavailable onUnavailable) implements Resource {
        @Override
        public String address() {
            return "settings";
        }

        @Override
        public Map<String, String> attributes() {
            return Map.of("on_unavailable", onUnavailable.name().toLowerCase());
        }
    }

    /** An entity. @param entity the entity */
    record EntityResource(Entity entity) implements Resource {
        @Override
        public String address() {
            return "entity." + entity.id();
        }

        @Override
        public Map<String, String> attributes() {
            Map<String, String> attributes = new TreeMap<>();
            entity.parent().ifPresent(parent -> attributes.put("parent", parent));
            attributes.put("cascade", Boolean.toString(entity.cascade()));
            entity.displayName().ifPresent(name -> attributes.put("display_name", name));
            entity.metadata().forEach((key, value) -> attributes.put("metadata." + key, value));
            return attributes;
        }
    }

    /** A limit configuration. @param scope where it applies @param config the limits */
    record Config(ConfigScope scope, LimitConfig config) implements Resource {
        @Override
        public String address() {
            return addressOf(scope);
        }

        @Override
        public Map<String, String> attributes() {
            Map<String, String> attributes = new TreeMap<>();
            for (Limit limit : config.limits()) {
                attributes.put(limit.name() + ".capacity", Long.toString(limit.capacity()));
                attributes.put(limit.name() + ".refill_amount", Long.toString(limit.refillAmount()));
                attributes.put(limit.name() + ".refill_period", Durations.format(limit.refillPeriod()));
            }
            config.unlimited().forEach(name -> attributes.put(name + ".unlimited", "true"));
            return attributes;
        }
    }

    /** The address of the configuration at {@code scope}. */
    static String addressOf(ConfigScope scope) {
        if (scope instanceof ConfigScope.EntityResource er) {
            return "limits.entity." + er.entity() + ".resource." + er.resource();
        }
        if (scope instanceof ConfigScope.EntityDefault ed) {
            return "limits.entity." + ed.entity() + ".default";
        }
        if (scope instanceof ConfigScope.Resource r) {
            return "limits.resource." + r.resource();
        }
        return "limits.namespace";
    }

    /** Attributes of {@code resources} by address, for comparisons. */
    static Map<String, Resource> byAddress(Iterable<? extends Resource> resources) {
        Map<String, Resource> map = new LinkedHashMap<>();
        resources.forEach(resource -> map.put(resource.address(), resource));
        return map;
    }
}
