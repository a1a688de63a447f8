package dev.limiter.dynamodb.audit;

import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The flat, comparable form of what can change, shared by plans and the audit trail so that both read the same:
 * addresses ({@code entity.acme}, {@code limits.entity.acme.resource.gpt-4o}) and attributes
 * ({@code rpm.capacity = 100}, {@code parent = acme}).
 */
public final class AuditValues {

    private AuditValues() {
    }

    /** The address of entity {@code id}. */
    public static String entityAddress(String id) {
        return "entity." + id;
    }

    /** The address of the configuration at {@code scope}. */
    public static String configAddress(ConfigScope scope) {
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

    /** The address of a namespace's settings. */
    public static String settingsAddress() {
        return "settings";
    }

    /** The attributes of {@code entity}, sorted by name. */
    public static Map<String, String> of(Entity entity) {
        Map<String, String> attributes = new TreeMap<>();
        entity.parent().ifPresent(parent -> attributes.put("parent", parent));
        attributes.put("cascade", Boolean.toString(entity.cascade()));
        entity.displayName().ifPresent(name -> attributes.put("display_name", name));
        entity.metadata().forEach((key, value) -> attributes.put("metadata." + key, value));
        return attributes;
    }

    /** The attributes of {@code config}, sorted by name. */
    public static Map<String, String> of(LimitConfig config) {
        Map<String, String> attributes = new TreeMap<>();
        for (Limit limit : config.limits()) {
            attributes.put(limit.name() + ".capacity", Long.toString(limit.capacity()));
            attributes.put(limit.name() + ".refill_amount", Long.toString(limit.refillAmount()));
            attributes.put(limit.name() + ".refill_period", period(limit.refillPeriod()));
            if (limit.shadow()) {
                attributes.put(limit.name() + ".shadow", "true");
            }
            if (limit.local().enabled()) {
                attributes.put(limit.name() + ".local.max_share", share(limit.local().maxShare()));
                attributes.put(limit.name() + ".local.max_hold", period(limit.local().maxHold()));
            }
        }
        config.unlimited().forEach(name -> attributes.put(name + ".unlimited", "true"));
        return attributes;
    }

    /** The attributes of a namespace's settings. */
    public static Map<String, String> of(OnUnavailable onUnavailable) {
        return Map.of("on_unavailable", onUnavailable.name().toLowerCase(Locale.ROOT));
    }

    /** A local allowance's share of capacity as the shortest decimal that reads back the same: {@code 0.1}, {@code 1}. */
    public static String share(double share) {
        return BigDecimal.valueOf(share).stripTrailingZeros().toPlainString();
    }

    /** A period in its largest whole unit: {@code 1w}, {@code 1d}, {@code 90s}, {@code 500ms}. */
    public static String period(Duration duration) {
        long nanos = duration.toNanos();
        long[][] units = {{7 * 86_400_000_000_000L, 'w'}, {86_400_000_000_000L, 'd'}, {3_600_000_000_000L, 'h'},
                {60_000_000_000L, 'm'}, {1_000_000_000L, 's'}};
        for (long[] unit : units) {
            if (nanos % unit[0] == 0) {
                return nanos / unit[0] + String.valueOf((char) unit[1]);
            }
        }
        return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : duration.toString();
    }
}
