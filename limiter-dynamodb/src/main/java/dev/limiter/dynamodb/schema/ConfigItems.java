package dev.limiter.dynamodb.schema;

import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
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
            if (limit.local().enabled()) {
                fields.put(Attributes.LOCAL_SHARE, AttributeValue.fromN(shareText(limit.local().maxShare())));
                fields.put(Attributes.LOCAL_HOLD, number(limit.local().maxHold().toNanos()));
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
     * <p>A limit without the local allowance attributes (every item written before they existed) reads as
     * {@link LocalAllowance#NONE}.
     *
     * @throws IllegalArgumentException if a stored attribute has the wrong type or a limit lacks a field, or its
     *                                  local allowance is half stored, not numeric or out of range (a corrupt item
     *                                  is reported, never read as "no limits")
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
                        shadow != null && Boolean.TRUE.equals(shadow.bool()), localOf(entry.getKey(), fields)));
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

    /**
     * The local allowance a stored limit declares: {@link LocalAllowance#NONE} when neither attribute is present.
     *
     * @throws IllegalArgumentException if only one is present, either is not a number, or the values break
     *                                  {@link LocalAllowance}'s rules
     */
    private static LocalAllowance localOf(String limit, Map<String, AttributeValue> fields) {
        AttributeValue share = fields.get(Attributes.LOCAL_SHARE);
        AttributeValue hold = fields.get(Attributes.LOCAL_HOLD);
        if (share == null && hold == null) {
            return LocalAllowance.NONE;
        }
        String what = "stored local allowance of limit '" + limit + "'";
        if (share == null || share.n() == null || hold == null || hold.n() == null) {
            throw new IllegalArgumentException(what + " needs both '" + Attributes.LOCAL_SHARE + "' and '"
                    + Attributes.LOCAL_HOLD + "' as numbers");
        }
        try {
            return LocalAllowance.of(Double.parseDouble(share.n()), Duration.ofNanos(Long.parseLong(hold.n())));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(what + " is not a number: '" + share.n() + "', '" + hold.n() + "'",
                    notANumber);
        } catch (IllegalArgumentException outOfRange) {
            throw new IllegalArgumentException(what + ": " + outOfRange.getMessage(), outOfRange);
        }
    }

    /** A share as the shortest decimal that reads back as the same double, e.g. {@code 0.1} or {@code 1}. */
    private static String shareText(double share) {
        return java.math.BigDecimal.valueOf(share).stripTrailingZeros().toPlainString();
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
