package dev.limiter.cli.entities;

import dev.limiter.RateLimiter;
import dev.limiter.entity.Entity;

/** The entity a command names, which must exist: get, children and delete fail the same way when it does not. */
final class ExistingEntity {

    private ExistingEntity() {
    }

    /**
     * The entity {@code id} of {@code limiter}'s namespace.
     *
     * @throws IllegalStateException naming the entity and the namespace, if there is none
     */
    static Entity require(RateLimiter limiter, String id) {
        return limiter.entities().get(id).orElseThrow(() -> new IllegalStateException(
                "entity '" + id + "' does not exist in namespace '" + limiter.namespace() + "'"));
    }
}
