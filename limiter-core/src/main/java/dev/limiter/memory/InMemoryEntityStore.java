package dev.limiter.memory;

import dev.limiter.entity.Entity;
import dev.limiter.entity.EntityStore;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Entities in memory, per namespace, sorted by id. Thread-safe; futures complete before the methods return. */
final class InMemoryEntityStore implements EntityStore {

    private final Map<String, NavigableMap<String, Entity>> namespaces = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Optional<Entity>> get(String namespace, String id) {
        return Futures.guard(() -> CompletableFuture.completedFuture(
                Optional.ofNullable(entities(namespace).get(Require.entityId("entity id", id)))));
    }

    @Override
    public CompletableFuture<Void> put(String namespace, Entity entity) {
        return Futures.guard(() -> {
            entities(namespace).put(entity.id(), entity);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Boolean> delete(String namespace, String id) {
        return Futures.guard(() -> CompletableFuture.completedFuture(entities(namespace).remove(id) != null));
    }

    @Override
    public CompletableFuture<List<Entity>> children(String namespace, String id) {
        return Futures.guard(() -> {
            List<Entity> children = new ArrayList<>();
            for (Entity entity : entities(namespace).values()) {
                if (entity.parent().filter(id::equals).isPresent()) {
                    children.add(entity);
                }
            }
            return CompletableFuture.completedFuture(List.copyOf(children));
        });
    }

    @Override
    public CompletableFuture<List<Entity>> list(String namespace) {
        return Futures.guard(() -> CompletableFuture.completedFuture(List.copyOf(entities(namespace).values())));
    }

    private NavigableMap<String, Entity> entities(String namespace) {
        return namespaces.computeIfAbsent(Require.namespace("namespace", namespace),
                ns -> new ConcurrentSkipListMap<>());
    }
}
