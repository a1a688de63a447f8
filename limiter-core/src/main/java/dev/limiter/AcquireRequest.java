package dev.limiter;

import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.Require;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to acquire: tokens of one or more limits for one entity and resource, plus optional request-level limits
 * that apply when no stored configuration sets a limit of that name.
 *
 * <pre>{@code
 * AcquireRequest req = AcquireRequest.of("user-42", "gpt-4")
 *         .consume("rpm", 1)
 *         .consume("tpm", 500)
 *         .withLimits(Limit.perMinute("rpm", 60), Limit.perMinute("tpm", 100_000));
 * }</pre>
 *
 * <p>Immutable; {@link #consume} and {@link #withLimits} return copies. Request-level limits apply to the
 * requested entity only: ancestors charged by a cascade use their stored limits.
 *
 * @param entity   the entity to charge; {@code [A-Za-z0-9][A-Za-z0-9_.:@-]*}, at most 256 characters
 * @param resource the resource; the same characters plus {@code /}
 * @param amounts  tokens to take per limit name, each between 1 and {@link Limit#MAX_TOKENS}, in insertion order
 * @param limits   request-level limits, distinct names
 */
public record AcquireRequest(String entity, String resource, Map<String, Long> amounts, List<Limit> limits) {

    /** Validates every component and copies the collections. */
    public AcquireRequest {
        Require.entityId("entity", entity);
        Require.resource("resource", resource);
        Require.nonNull("amounts", amounts);
        Map<String, Long> copy = new LinkedHashMap<>(amounts.size() * 2);
        for (Map.Entry<String, Long> amount : amounts.entrySet()) {
            String name = Require.limitName("limit name", amount.getKey());
            Require.positive("amount of '" + name + "'", Require.nonNull("amount of '" + name + "'", amount.getValue()),
                    Limit.MAX_TOKENS);
            copy.put(name, amount.getValue());
        }
        amounts = Collections.unmodifiableMap(copy);
        limits = List.copyOf(limits);
        Set<String> names = new HashSet<>();
        for (Limit limit : limits) {
            Require.argument(names.add(limit.name()), "request limit '" + limit.name() + "' is given twice");
        }
    }

    /** A request for {@code entity} and {@code resource} that consumes nothing yet. */
    public static AcquireRequest of(String entity, String resource) {
        return new AcquireRequest(entity, resource, Map.of(), List.of());
    }

    /** A request consuming {@code amounts}, e.g. {@code Map.of("rpm", 1L, "tpm", 500L)}. */
    public static AcquireRequest of(String entity, String resource, Map<String, Long> amounts) {
        return new AcquireRequest(entity, resource, amounts, List.of());
    }

    /** Returns a copy that also takes {@code amount} tokens of limit {@code name} (added to any amount already asked). */
    public AcquireRequest consume(String name, long amount) {
        Require.positive("amount of '" + name + "'", amount, Limit.MAX_TOKENS);
        Map<String, Long> updated = new LinkedHashMap<>(amounts);
        updated.merge(name, amount, Arithmetic::saturatedAdd);
        return new AcquireRequest(entity, resource, updated, limits);
    }

    /** Returns a copy with request-level limits added, replacing request limits of the same names. */
    public AcquireRequest withLimits(Limit... added) {
        List<Limit> updated = new ArrayList<>(limits);
        for (Limit limit : Arrays.asList(added)) {
            updated.removeIf(existing -> existing.name().equals(limit.name()));
            updated.add(limit);
        }
        return new AcquireRequest(entity, resource, amounts, updated);
    }
}
