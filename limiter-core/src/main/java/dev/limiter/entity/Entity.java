package dev.limiter.entity;

import dev.limiter.internal.Require;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Something limits apply to (an organisation, a team, a user, an API key), with an optional parent.
 *
 * <pre>{@code
 * Entity org  = Entity.root("acme");
 * Entity team = Entity.child("acme-search", "acme").withCascade(true);
 * }</pre>
 *
 * <p>Immutable and thread-safe. A class rather than a record because the parent and the display name are
 * optional and records would expose them as nullable fields.
 */
public final class Entity {

    private static final int MAX_DISPLAY_NAME = 256;
    private static final int MAX_METADATA_ENTRIES = 32;
    private static final int MAX_METADATA_VALUE = 1024;

    private final String id;
    private final String parent;
    private final boolean cascade;
    private final String displayName;
    private final Map<String, String> metadata;

    private Entity(String id, String parent, boolean cascade, String displayName, Map<String, String> metadata) {
        this.id = Require.entityId("entity id", id);
        if (parent != null) {
            Require.entityId("parent of entity '" + id + "'", parent);
            Require.argument(!parent.equals(id), "entity '" + id + "' cannot be its own parent");
        }
        this.parent = parent;
        this.cascade = cascade;
        if (displayName != null) {
            Require.argument(displayName.length() <= MAX_DISPLAY_NAME,
                    "display name of entity '" + id + "' is longer than " + MAX_DISPLAY_NAME + " characters");
        }
        this.displayName = displayName;
        this.metadata = validMetadata(id, metadata);
    }

    /** An entity without a parent. */
    public static Entity root(String id) {
        return new Entity(id, null, false, null, Map.of());
    }

    /** An entity whose parent is {@code parent}; it does not cascade until {@link #withCascade} says so. */
    public static Entity child(String id, String parent) {
        return new Entity(id, Require.nonNull("parent", parent), false, null, Map.of());
    }

    /** Returns a copy that charges its parent (and, through their flags, further ancestors) when charged. */
    public Entity withCascade(boolean newCascade) {
        return new Entity(id, parent, newCascade, displayName, metadata);
    }

    /** Returns a copy with a human-readable name. */
    public Entity withDisplayName(String newDisplayName) {
        return new Entity(id, parent, cascade, Require.nonNull("display name", newDisplayName), metadata);
    }

    /** Returns a copy with free-form metadata (at most 32 entries). */
    public Entity withMetadata(Map<String, String> newMetadata) {
        return new Entity(id, parent, cascade, displayName, newMetadata);
    }

    /** Returns a copy under another parent. */
    public Entity withParent(String newParent) {
        return new Entity(id, Require.nonNull("parent", newParent), cascade, displayName, metadata);
    }

    /** The entity's id. */
    public String id() {
        return id;
    }

    /** The parent's id, unless this is a root. */
    public Optional<String> parent() {
        return Optional.ofNullable(parent);
    }

    /** Whether charging this entity also charges its parent. */
    public boolean cascade() {
        return cascade;
    }

    /** The human-readable name, if one was given. */
    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    /** Free-form metadata, sorted by key. */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entity that && id.equals(that.id) && Objects.equals(parent, that.parent)
                && cascade == that.cascade && Objects.equals(displayName, that.displayName)
                && metadata.equals(that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, parent, cascade, displayName, metadata);
    }

    @Override
    public String toString() {
        return "Entity[" + id + (parent == null ? "" : " parent=" + parent) + (cascade ? " cascade" : "") + "]";
    }

    private static Map<String, String> validMetadata(String id, Map<String, String> metadata) {
        Require.nonNull("metadata", metadata);
        Require.argument(metadata.size() <= MAX_METADATA_ENTRIES,
                "entity '" + id + "' has " + metadata.size() + " metadata entries: at most " + MAX_METADATA_ENTRIES);
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            Require.limitName("metadata key of entity '" + id + "'", entry.getKey());
            Require.nonNull("metadata '" + entry.getKey() + "' of entity '" + id + "'", entry.getValue());
            Require.argument(entry.getValue().length() <= MAX_METADATA_VALUE, "metadata '" + entry.getKey()
                    + "' of entity '" + id + "' is longer than " + MAX_METADATA_VALUE + " characters");
        }
        return Collections.unmodifiableMap(new TreeMap<>(metadata));
    }
}
