package dev.limiter.entity;

import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Manages the entities of one namespace and enforces the hierarchy rules on every write: the parent exists, no
 * cycle forms and no chain grows deeper than the bound. Obtained from {@link dev.limiter.RateLimiter#entities()}.
 *
 * <p>Thread-safe; each method is one or a few store calls and blocks until they finish. Concurrent re-parenting of
 * the same subtree from several processes is not serialised; acquires stop at the depth bound whatever the store holds.
 */
public final class Entities {

    private final EntityStore store;
    private final String namespace;
    private final int maxDepth;
    private final Runnable onChange;

    /**
     * Creates the manager; applications get one from {@link dev.limiter.RateLimiter#entities()}.
     *
     * @param onChange called after every successful write, e.g. to drop cached hierarchy data
     */
    public Entities(EntityStore store, String namespace, int maxDepth, Runnable onChange) {
        this.store = Require.nonNull("store", store);
        this.namespace = Require.namespace("namespace", namespace);
        this.maxDepth = (int) Require.positive("maxDepth", maxDepth, 100);
        this.onChange = Require.nonNull("onChange", onChange);
    }

    /**
     * Creates or replaces {@code entity}.
     *
     * @throws IllegalArgumentException if the parent does not exist, the parent chain would form a cycle, or the
     *                                  entity or one of its descendants would sit deeper than the bound
     */
    public void put(Entity entity) {
        Require.nonNull("entity", entity);
        int depth = 1;
        if (entity.parent().isPresent()) {
            List<String> path = pathToRoot(entity.parent().get(), entity.id());
            depth = path.size() + 1;
        }
        int height = height(entity.id(), depth);
        if (depth + height > maxDepth) {
            throw new IllegalArgumentException("entity '" + entity.id() + "' would be at depth " + depth
                    + (height > 0 ? " with " + height + " level(s) of descendants" : "")
                    + ": hierarchies are limited to " + maxDepth + " levels");
        }
        Futures.join(store.put(namespace, entity));
        onChange.run();
    }

    /** The entity {@code id}, if it exists. */
    public Optional<Entity> get(String id) {
        return Futures.join(store.get(namespace, Require.entityId("entity id", id)));
    }

    /** The direct children of {@code id}, sorted by id. */
    public List<Entity> children(String id) {
        return Futures.join(store.children(namespace, Require.entityId("entity id", id)));
    }

    /** Every entity of the namespace, sorted by id. */
    public List<Entity> list() {
        return Futures.join(store.list(namespace));
    }

    /** The ids from {@code id}'s parent up to the root; empty for a root or an unknown entity. */
    public List<String> ancestors(String id) {
        Optional<Entity> entity = get(id);
        if (entity.isEmpty() || entity.get().parent().isEmpty()) {
            return List.of();
        }
        return pathToRoot(entity.get().parent().get(), id);
    }

    /**
     * Deletes entity {@code id}.
     *
     * @return whether it existed
     * @throws IllegalStateException if it has children (use {@link #deleteRecursively})
     */
    public boolean delete(String id) {
        List<Entity> children = children(id);
        if (!children.isEmpty()) {
            throw new IllegalStateException("entity '" + id + "' has " + children.size()
                    + " child(ren), e.g. '" + children.get(0).id() + "': delete them first or delete recursively");
        }
        boolean existed = Futures.join(store.delete(namespace, id));
        onChange.run();
        return existed;
    }

    /** Deletes {@code id} and all its descendants, leaves first; returns how many entities were deleted. */
    public int deleteRecursively(String id) {
        int deleted = 0;
        for (Entity child : children(id)) {
            deleted += deleteRecursively(child.id());
        }
        return deleted + (delete(id) ? 1 : 0);
    }

    /** Walks from {@code start} to the root; fails on unknown ids, on {@code forbidden} (a cycle) and past the bound. */
    private List<String> pathToRoot(String start, String forbidden) {
        List<String> path = new ArrayList<>();
        String current = start;
        while (true) {
            if (current.equals(forbidden)) {
                throw new IllegalArgumentException("parent '" + start + "' of entity '" + forbidden
                        + "' would create a cycle: " + forbidden + " -> " + String.join(" -> ", path)
                        + (path.isEmpty() ? "" : " -> ") + forbidden);
            }
            Optional<Entity> entity = Futures.join(store.get(namespace, current));
            if (entity.isEmpty()) {
                throw new IllegalArgumentException(path.isEmpty()
                        ? "parent '" + current + "' of entity '" + forbidden + "' does not exist in namespace '" + namespace + "'"
                        : "ancestor '" + current + "' of entity '" + forbidden + "' does not exist in namespace '" + namespace + "'");
            }
            path.add(current);
            if (path.size() > maxDepth) {
                throw new IllegalArgumentException("the parent chain of entity '" + forbidden + "' is deeper than "
                        + maxDepth + " levels: " + String.join(" -> ", path));
            }
            if (entity.get().parent().isEmpty()) {
                return path;
            }
            current = entity.get().parent().get();
        }
    }

    /** Levels of descendants below {@code id}; stops counting once the bound is exceeded. */
    private int height(String id, int depth) {
        if (depth > maxDepth) {
            return 0;
        }
        int height = 0;
        for (Entity child : children(id)) {
            height = Math.max(height, 1 + height(child.id(), depth + 1));
        }
        return height;
    }
}
