package dev.limiter.entity;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stored entities of every namespace; part of the backend SPI. Stores keep what they are given: hierarchy rules
 * (existing parent, depth, no cycles) are enforced by {@link Entities} before writing.
 *
 * <p>Implementations are thread-safe. Methods never throw; failures complete the future, storage failures with
 * {@link dev.limiter.RateLimiterUnavailableException}.
 */
public interface EntityStore {

    /** The entity {@code id} of {@code namespace}, if stored. */
    CompletableFuture<Optional<Entity>> get(String namespace, String id);

    /** Stores {@code entity}, replacing an entity with the same id. */
    CompletableFuture<Void> put(String namespace, Entity entity);

    /** Removes entity {@code id}; completes with whether it existed. */
    CompletableFuture<Boolean> delete(String namespace, String id);

    /** The entities whose parent is {@code id}, sorted by id. */
    CompletableFuture<List<Entity>> children(String namespace, String id);

    /** Every entity of {@code namespace}, sorted by id. */
    CompletableFuture<List<Entity>> list(String namespace);
}
