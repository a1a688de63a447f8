package dev.limiter.dynamodb.schema;

import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Encodes and decodes configuration items, and the namespace policy of the settings item. */
public final class ConfigItems {

    private ConfigItems() {
    }

    /** The item storing {@code config} at {@code scope}. */
    public static Map<String, AttributeValue> encode(String namespace, ConfigScope scope, LimitConfig config) {
        ItemKey key = Keys.config(namespace, scope);
        Map<String, AttributeValue> item = new HashMap<>(key.toAttributes());
        item.put(Attributes.GSI1_PK, AttributeValue.fromS(Keys.configsIndexPk(namespace)));
        item.put(Attributes.GSI1_SK, AttributeValue.fromS(Keys.configIndexSk(scope)));
        Map<String, AttributeValue> limits = new HashMap<>();
        for (Limit limit : config.limits()) {
            Map<String, AttributeValue> fields = new HashMap<>(Map.of(
                    Attributes.CAPACITY, number(limit.capacity()),
                    Attributes.REFILL_AMOUNT, number(limit.refillAmount()),
                    Attributes.REFILL_PERIOD, number(limit.periodNanos())));
            if (limit.shadow()) {
                fields.put(Attributes.SHADOW, AttributeValue.fromBool(true));
            }
            limits.put(limit.name(), AttributeValue.fromM(fields));
        }
        item.put(Attributes.LIMITS, AttributeValue.fromM(limits));
        if (!config.unlimited().isEmpty()) {
            item.put(Attributes.UNLIMITED, AttributeValue.fromSs(new ArrayList<>(config.unlimited())));
        }
        return item;
    }

    /**
     * The configuration an item stores.
     *
     * @throws IllegalArgumentException if a stored attribute has the wrong type or a limit lacks a field (a corrupt
     *                                  item is reported, never read as "no limits")
     */
    public static LimitConfig decode(Map<String, AttributeValue> item) {
        List<Limit> limits = new ArrayList<>();
        AttributeValue stored = item.get(Attributes.LIMITS);
        if (stored != null && !stored.hasM()) {
            throw new IllegalArgumentException("stored limits ('" + Attributes.LIMITS + "') are not a map");
        }
        AttributeValue unlimitedValue = item.get(Attributes.UNLIMITED);
        if (unlimitedValue != null && !unlimitedValue.hasSs()) {
            throw new IllegalArgumentException("stored unlimited names ('" + Attributes.UNLIMITED
                    + "') are not a string set");
        }
        if (stored != null) {
            for (Map.Entry<String, AttributeValue> entry : stored.m().entrySet()) {
                Map<String, AttributeValue> fields = entry.getValue().m();
                AttributeValue shadow = fields.get(Attributes.SHADOW);
                limits.add(new Limit(entry.getKey(), longOf(fields, Attributes.CAPACITY),
                        longOf(fields, Attributes.REFILL_AMOUNT),
                        Duration.ofNanos(longOf(fields, Attributes.REFILL_PERIOD)),
                        shadow != null && Boolean.TRUE.equals(shadow.bool())));
            }
        }
        limits.sort((a, b) -> a.name().compareTo(b.name()));
        Set<String> names = unlimitedValue != null ? Set.copyOf(unlimitedValue.ss()) : Set.of();
        return new LimitConfig(limits, names);
    }

    /** The scope a configuration item (as listed by the index) belongs to. */
    public static ConfigScope scopeOf(Map<String, AttributeValue> item) {
        return Keys.parseConfigIndexSk(item.get(Attributes.GSI1_SK).s());
    }

    /** The stored form of a namespace's {@code on_unavailable} policy, e.g. {@code "block"}. */
    public static AttributeValue encodePolicy(OnUnavailable policy) {
        return AttributeValue.fromS(policy.name().toLowerCase(Locale.ROOT));
    }

    /** The {@code on_unavailable} policy a settings item declares; empty for none (or no item). */
    public static Optional<OnUnavailable> policyOf(Map<String, AttributeValue> settings) {
        AttributeValue policy = settings == null ? null : settings.get(Attributes.ON_UNAVAILABLE);
        return policy == null ? Optional.empty()
                : Optional.of(OnUnavailable.valueOf(policy.s().toUpperCase(Locale.ROOT)));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long longOf(Map<String, AttributeValue> fields, String name) {
        AttributeValue value = fields.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalArgumentException("stored limit lacks '" + name + "'");
        }
        return Long.parseLong(value.n());
    }
}
