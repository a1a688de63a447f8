package dev.limiter.config;

import dev.limiter.Limit;
import dev.limiter.internal.Require;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The limits stored at one {@link ConfigScope}: limits by name, and names marked {@code unlimited} that drop a
 * limit inherited from less specific levels.
 *
 * @param limits    limits with distinct names, at most {@link Limit#MAX_PER_BUCKET}
 * @param unlimited names marked unlimited, none of them also in {@code limits}
 */
public record LimitConfig(List<Limit> limits, Set<String> unlimited) {

    /** A configuration that sets nothing. */
    public static final LimitConfig EMPTY = new LimitConfig(List.of(), Set.of());

    /** Validates names and copies. */
    public LimitConfig {
        limits = List.copyOf(limits);
        unlimited = Set.copyOf(new TreeSet<>(unlimited));
        Require.argument(limits.size() <= Limit.MAX_PER_BUCKET, "a configuration level defines " + limits.size()
                + " limits: at most " + Limit.MAX_PER_BUCKET + " limits may apply to one bucket");
        Set<String> seen = new HashSet<>();
        for (Limit limit : limits) {
            Require.argument(seen.add(limit.name()), "limit '" + limit.name() + "' is defined twice");
        }
        for (String name : unlimited) {
            Require.limitName("unlimited limit name", name);
            Require.argument(!seen.contains(name),
                    "limit '" + name + "' is both defined and marked unlimited");
        }
    }

    /** A configuration holding {@code limits}. */
    public static LimitConfig of(Limit... limits) {
        return new LimitConfig(Arrays.asList(limits), Set.of());
    }

    /** Returns a copy that also marks {@code names} unlimited. */
    public LimitConfig withUnlimited(String... names) {
        Set<String> all = new HashSet<>(unlimited);
        all.addAll(Arrays.asList(names));
        return new LimitConfig(limits, all);
    }

    /** Returns a copy with {@code limit} added, or replacing the limit of the same name. */
    public LimitConfig with(Limit limit) {
        List<Limit> updated = new ArrayList<>(limits);
        updated.removeIf(existing -> existing.name().equals(limit.name()));
        updated.add(limit);
        Set<String> stillUnlimited = new HashSet<>(unlimited);
        stillUnlimited.remove(limit.name());
        return new LimitConfig(updated, stillUnlimited);
    }

    /** Whether this configuration sets nothing. */
    public boolean isEmpty() {
        return limits.isEmpty() && unlimited.isEmpty();
    }
}
