package dev.limiter.backend;

import dev.limiter.internal.Require;

/**
 * Identifies one bucket: the limits of one entity for one resource within a namespace.
 *
 * @param namespace the tenant namespace every stored key starts with
 * @param entity    the entity id
 * @param resource  the resource name
 */
public record BucketKey(String namespace, String entity, String resource) {

    /** Validates the identifiers, so that no delimiter can be injected into a stored key. */
    public BucketKey {
        Require.namespace("namespace", namespace);
        Require.entityId("entity", entity);
        Require.resource("resource", resource);
    }

    @Override
    public String toString() {
        return namespace + "/" + entity + "/" + resource;
    }
}
