package dev.limiter;

import dev.limiter.internal.Require;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
 * @param amounts  tokens to take per limit name, each between 1 and {@link Limit#MAX_TOKENS}, in insertion order;
 *                 at most {@link Limit#MAX_PER_BUCKET} names
 * @param limits   request-level limits, distinct names, at most {@link Limit#MAX_PER_BUCKET}
 */
public record AcquireRequest(String entity, String resource, Map<String, Long> amounts, List<Limit> limits) {

    /**
     * Validates every component and copies the collections. Each check runs once per value: the copies that
     * {@link #consume} and {@link #withLimits} make carry amounts marked as validated for this entity and resource
     * and limits already validated, which this constructor recognises instead of checking them again.
     */
    public AcquireRequest {
        if (!(amounts instanceof Amounts known && known.validatedFor(entity, resource))) {
            Require.entityId("entity", entity);
            Require.resource("resource", resource);
            Require.nonNull("amounts", amounts);
            if (!(amounts instanceof Amounts)) {
                for (Map.Entry<String, Long> amount : amounts.entrySet()) {
                    requireAmount(Require.limitName("limit name", amount.getKey()), amount.getValue());
                }
                amounts = Amounts.copyOf(amounts);
            }
            RequestLimits.requireAtMostPerBucket("amounts", amounts.size());
        }
        limits = RequestLimits.copyOf(limits);
    }

    /** A request for {@code entity} and {@code resource} that consumes nothing yet. */
    public static AcquireRequest of(String entity, String resource) {
        return new AcquireRequest(entity, resource, Amounts.NONE, RequestLimits.NONE);
    }

    /** A request consuming {@code amounts}, e.g. {@code Map.of("rpm", 1L, "tpm", 500L)}. */
    public static AcquireRequest of(String entity, String resource, Map<String, Long> amounts) {
        return new AcquireRequest(entity, resource, amounts, RequestLimits.NONE);
    }

    /** Returns a copy that also takes {@code amount} tokens of limit {@code name} (added to any amount already asked). */
    public AcquireRequest consume(String name, long amount) {
        requireAmount(Require.limitName("limit name", name), amount);
        Amounts more = ((Amounts) amounts).plus(name, amount, entity, resource);
        RequestLimits.requireAtMostPerBucket("amounts", more.size());
        return new AcquireRequest(entity, resource, more, limits);
    }

    private static void requireAmount(String name, Long amount) {
        if (amount == null || amount < 1 || amount > Limit.MAX_TOKENS) {
            Require.positive("amount of '" + name + "'", Require.nonNull("amount of '" + name + "'", amount),
                    Limit.MAX_TOKENS);
        }
    }

    /**
     * Returns a copy with request-level limits added, replacing request limits of the same names. A request-level
     * limit applies only when no stored level decides its name: a stored limit of the same name (or a stored
     * {@code unlimited}) wins; {@link RateLimiter#explain(AcquireRequest)} shows which applied.
     *
     * @throws IllegalArgumentException if {@code added} or one of its elements is null
     */
    public AcquireRequest withLimits(Limit... added) {
        Require.argument(added != null, "limits must not be null");
        for (int i = 0; i < added.length; i++) {
            if (added[i] == null) { // the message is built only on failure: withLimits is on the per-call path
                Require.argument(false, "limits[" + i + "] must not be null");
            }
        }
        if (limits.isEmpty() && added.length <= 2
                && (added.length < 2 || !added[0].name().equals(added[1].name()))) {
            // The common case, limits given once: nothing to merge, and two limits at most, which the list keeps in
            // fields (added belongs to the caller and is not kept).
            return new AcquireRequest(entity, resource, amounts, RequestLimits.ofDistinct(added));
        }
        // The limits kept, then the added ones, a later one of a name replacing an earlier: one array, no iterators.
        Limit[] merged = new Limit[limits.size() + added.length];
        int count = 0;
        for (int i = 0; i < limits.size(); i++) {
            if (indexOf(added, limits.get(i).name(), 0) < 0) {
                merged[count++] = limits.get(i);
            }
        }
        for (int i = 0; i < added.length; i++) {
            if (indexOf(added, added[i].name(), i + 1) < 0) {
                merged[count++] = added[i];
            }
        }
        return new AcquireRequest(entity, resource, amounts,
                RequestLimits.ofDistinct(count == merged.length ? merged : Arrays.copyOf(merged, count)));
    }

    private static int indexOf(Limit[] candidates, String name, int from) {
        for (int i = from; i < candidates.length; i++) {
            if (candidates[i] != null && candidates[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
