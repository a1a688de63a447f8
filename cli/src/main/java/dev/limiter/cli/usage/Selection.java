package dev.limiter.cli.usage;

import dev.limiter.dynamodb.usage.UsageReader;
import dev.limiter.dynamodb.usage.UsageSnapshot;
import dev.limiter.dynamodb.usage.UsageWindow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whose usage {@code limiter usage} lists: an entity's (every resource, or one), or a resource's across entities.
 * Each variant knows its {@link UsageReader} query and how to name itself.
 */
sealed interface Selection {

    /** The snapshots of this selection of kind {@code window} starting in {@code [since, until)}. */
    List<UsageSnapshot> read(UsageReader reader, String namespace, UsageWindow window, Instant since, Instant until);

    /** How headings name the selection, e.g. {@code entity 'acme', resource 'gpt-4o'}. */
    String subject();

    /** The selection's fields for JSON documents, in display order. */
    Map<String, Object> fields();

    /**
     * Every resource of one entity.
     *
     * @param entity the entity
     */
    record OfEntity(String entity) implements Selection {

        /** Requires an entity. */
        public OfEntity {
            Objects.requireNonNull(entity, "entity");
        }

        @Override
        public List<UsageSnapshot> read(UsageReader reader, String namespace, UsageWindow window, Instant since,
                                        Instant until) {
            return reader.entityUsage(namespace, entity, window, since, until);
        }

        @Override
        public String subject() {
            return "entity '" + entity + "'";
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("entity", entity);
            return fields;
        }
    }

    /**
     * One entity and one resource.
     *
     * @param entity   the entity
     * @param resource the resource
     */
    record OfEntityResource(String entity, String resource) implements Selection {

        /** Requires both. */
        public OfEntityResource {
            Objects.requireNonNull(entity, "entity");
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public List<UsageSnapshot> read(UsageReader reader, String namespace, UsageWindow window, Instant since,
                                        Instant until) {
            return reader.entityUsage(namespace, entity, resource, window, since, until);
        }

        @Override
        public String subject() {
            return "entity '" + entity + "', resource '" + resource + "'";
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("entity", entity);
            fields.put("resource", resource);
            return fields;
        }
    }

    /**
     * One resource across entities, through the table's index.
     *
     * @param resource the resource
     */
    record OfResource(String resource) implements Selection {

        /** Requires a resource. */
        public OfResource {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public List<UsageSnapshot> read(UsageReader reader, String namespace, UsageWindow window, Instant since,
                                        Instant until) {
            return reader.resourceUsage(namespace, resource, window, since, until);
        }

        @Override
        public String subject() {
            return "resource '" + resource + "' across entities";
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("resource", resource);
            return fields;
        }
    }
}
