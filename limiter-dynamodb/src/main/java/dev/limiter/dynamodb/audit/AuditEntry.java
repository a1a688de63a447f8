package dev.limiter.dynamodb.audit;

import dev.limiter.internal.Require;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One recorded change.
 *
 * @param namespace the namespace changed
 * @param at        when the change was written
 * @param actor     who made it: the caller's AWS principal when known, else the configured actor
 * @param source    what made it, e.g. {@code library}, {@code limits apply}, {@code provisioner}
 * @param action    {@code create}, {@code update} or {@code delete}
 * @param address   what changed, as plans name it: {@code entity.acme}, {@code limits.resource.gpt-4o}
 * @param before    the attributes before ({@code {}} for a create)
 * @param after     the attributes after ({@code {}} for a delete)
 * @param reason    why, as given with {@code --reason} or {@link AuditSettings#withReason}; empty if not given
 */
public record AuditEntry(String namespace, Instant at, String actor, String source, String action, String address,
                         Map<String, String> before, Map<String, String> after, String reason) {

    /** Validates the fields and copies the maps, sorted by attribute name. */
    public AuditEntry {
        Require.nonNull("namespace", namespace);
        Require.nonNull("at", at);
        Require.nonNull("actor", actor);
        Require.nonNull("source", source);
        Require.argument(action.equals("create") || action.equals("update") || action.equals("delete"),
                "audit action is '" + Require.echo(action) + "': must be create, update or delete");
        Require.nonNull("address", address);
        before = Collections.unmodifiableMap(new TreeMap<>(before));
        after = Collections.unmodifiableMap(new TreeMap<>(after));
        Require.nonNull("reason", reason);
    }

    /** The action a change from {@code before} to {@code after} is. */
    public static String actionOf(Map<String, String> before, Map<String, String> after) {
        if (before.isEmpty()) {
            return "create";
        }
        return after.isEmpty() ? "delete" : "update";
    }
}
