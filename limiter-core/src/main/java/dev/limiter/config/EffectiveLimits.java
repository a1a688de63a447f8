package dev.limiter.config;

import dev.limiter.Limit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The limits that apply to one bucket after per-name resolution, and the names resolved to unlimited.
 *
 * <p>Built from the most specific level down with {@link #underlay}: a level only decides names that no more
 * specific level decided.
 *
 * @param limits    effective limits, in resolution order
 * @param unlimited names resolved to unlimited, with the level that said so
 */
public record EffectiveLimits(List<EffectiveLimit> limits, Map<String, ConfigLevel> unlimited) {

    /** No limits at all. */
    public static final EffectiveLimits NONE = new EffectiveLimits(List.of(), Map.of());

    /** Copies the collections, keeping the order of {@code unlimited}. */
    public EffectiveLimits {
        limits = List.copyOf(limits);
        unlimited = Collections.unmodifiableMap(new LinkedHashMap<>(unlimited));
    }

    /** Returns these limits completed by the names {@code config} decides and these do not. */
    public EffectiveLimits underlay(ConfigLevel level, LimitConfig config) {
        if (config.isEmpty()) {
            return this;
        }
        List<EffectiveLimit> mergedLimits = new ArrayList<>(limits);
        Map<String, ConfigLevel> mergedUnlimited = new LinkedHashMap<>(unlimited);
        for (Limit limit : config.limits()) {
            if (!decides(limit.name())) {
                mergedLimits.add(new EffectiveLimit(limit, level));
            }
        }
        for (String name : config.unlimited()) {
            if (!decides(name)) {
                mergedUnlimited.put(name, level);
            }
        }
        return new EffectiveLimits(mergedLimits, mergedUnlimited);
    }

    /** Returns these limits completed by request-level {@code requestLimits}. */
    public EffectiveLimits underlay(List<Limit> requestLimits) {
        return requestLimits.isEmpty() ? this
                : underlay(ConfigLevel.REQUEST, new LimitConfig(requestLimits, Set.of()));
    }

    /** Whether some level decided {@code name}, as a limit or as unlimited. */
    public boolean decides(String name) {
        return find(name).isPresent() || unlimited.containsKey(name);
    }

    /** The effective limit called {@code name}, unless it is unlimited or unknown. */
    public Optional<EffectiveLimit> find(String name) {
        for (EffectiveLimit limit : limits) {
            if (limit.limit().name().equals(name)) {
                return Optional.of(limit);
            }
        }
        return Optional.empty();
    }

    /** Whether no limit applies. */
    public boolean isEmpty() {
        return limits.isEmpty();
    }
}
