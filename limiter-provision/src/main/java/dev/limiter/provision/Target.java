package dev.limiter.provision;

import dev.limiter.internal.Require;

/**
 * Narrows a plan to one entity or one resource, like Terraform's {@code -target}: {@code entity:acme} covers the
 * entity and its limits; {@code resource:gpt-4} covers the resource's limits and every entity's limits for it.
 *
 * @param kind {@code entity} or {@code resource}
 * @param id   the entity id or resource name
 */
public record Target(String kind, String id) {

    /** Validates the components. */
    public Target {
        Require.argument(kind.equals("entity") || kind.equals("resource"),
                "target kind is '" + Require.echo(kind) + "': must be entity or resource");
        Require.nonNull("target id", id);
    }

    /** Parses {@code entity:ID} or {@code resource:NAME}. */
    public static Target parse(String text) {
        int colon = text.indexOf(':');
        Require.argument(colon > 0, "target '" + Require.echo(text) + "' must be entity:ID or resource:NAME");
        return new Target(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Whether the resource at {@code address} falls under this target. */
    public boolean covers(String address) {
        if (kind.equals("entity")) {
            return address.equals("entity." + id) || address.startsWith("limits.entity." + id + ".");
        }
        return address.equals("limits.resource." + id) || (address.startsWith("limits.entity.")
                && address.endsWith(".resource." + id));
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
