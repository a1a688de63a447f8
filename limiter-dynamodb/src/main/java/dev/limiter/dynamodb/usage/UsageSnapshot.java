package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;

import java.time.Instant;
import java.util.Map;

/**
 * The usage of one entity for one resource in one window, as aggregated from the stream.
 *
 * @param namespace the namespace
 * @param entity    the entity whose bucket was charged (an ancestor charged by a cascade has its own snapshots)
 * @param resource  the resource
 * @param window    hourly or daily
 * @param start     the window start, inclusive
 * @param end       the window end, exclusive
 * @param requests  acquires granted in the window
 * @param amounts   net tokens consumed per limit name (charges and adjustments minus refunds; may be negative when
 *                  a refund lands in a later window than its charge)
 */
public record UsageSnapshot(String namespace, String entity, String resource, UsageWindow window, Instant start,
                            Instant end, long requests, Map<String, Long> amounts) {

    /** Validates the fields and copies {@code amounts}. */
    public UsageSnapshot {
        Require.namespace("namespace", namespace);
        Require.entityId("entity", entity);
        Require.resource("resource", resource);
        Require.nonNull("window", window);
        Require.nonNull("start", start);
        Require.nonNull("end", end);
        Require.argument(start.isBefore(end), "start " + start + " must be before end " + end);
        amounts = Map.copyOf(Require.nonNull("amounts", amounts));
    }

    /** The net tokens of limit {@code name} in the window; 0 if none were consumed. */
    public long amount(String name) {
        return amounts.getOrDefault(name, 0L);
    }
}
