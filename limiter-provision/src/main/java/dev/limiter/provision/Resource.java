package dev.limiter.provision;

import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.audit.AuditValues;
import dev.limiter.entity.Entity;

import java.util.LinkedHashMap;
import java.util.Map;

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
            return AuditValues.of(onUnavailable);
        }
    }

    /** An entity. @param entity the entity */
    record EntityResource(Entity entity) implements Resource {
        @Override
        public String address() {
            return AuditValues.entityAddress(entity.id());
        }

        @Override
        public Map<String, String> attributes() {
            return AuditValues.of(entity);
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
            return AuditValues.of(config);
        }
    }

    /** The address of the configuration at {@code scope}. */
    static String addressOf(ConfigScope scope) {
        return AuditValues.configAddress(scope);
    }

    /** Attributes of {@code resources} by address, for comparisons. */
    static Map<String, Resource> byAddress(Iterable<? extends Resource> resources) {
        Map<String, Resource> map = new LinkedHashMap<>();
        resources.forEach(resource -> map.put(resource.address(), resource));
        return map;
    }
}
