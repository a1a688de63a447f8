package dev.limiter.config;

import dev.limiter.internal.Require;

/**
 * Where a stored {@link LimitConfig} applies; each variant corresponds to one stored {@link ConfigLevel}.
 */
public sealed interface ConfigScope {

    /** The level this scope belongs to. */
    ConfigLevel level();

    /** Defaults for the whole namespace. */
    static ConfigScope namespace() {
        return NamespaceDefaults.INSTANCE;
    }

    /** Limits of {@code resource} for every entity. */
    static ConfigScope resource(String resource) {
        return new Resource(resource);
    }

    /** Defaults of {@code entity} for every resource. */
    static ConfigScope entityDefault(String entity) {
        return new EntityDefault(entity);
    }

    /** Limits of {@code entity} for {@code resource}. */
    static ConfigScope entityResource(String entity, String resource) {
        return new EntityResource(entity, resource);
    }

    /** The namespace-wide defaults. */
    record NamespaceDefaults() implements ConfigScope {
        static final NamespaceDefaults INSTANCE = new NamespaceDefaults();

        @Override
        public ConfigLevel level() {
            return ConfigLevel.NAMESPACE;
        }

        @Override
        public String toString() {
            return "namespace defaults";
        }
    }

    /** Limits of one resource. @param resource the resource name */
    record Resource(String resource) implements ConfigScope {
        /** Validates the name. */
        public Resource {
            Require.resource("resource", resource);
        }

        @Override
        public ConfigLevel level() {
            return ConfigLevel.RESOURCE;
        }

        @Override
        public String toString() {
            return "resource " + resource;
        }
    }

    /** Defaults of one entity. @param entity the entity id */
    record EntityDefault(String entity) implements ConfigScope {
        /** Validates the id. */
        public EntityDefault {
            Require.entityId("entity", entity);
        }

        @Override
        public ConfigLevel level() {
            return ConfigLevel.ENTITY_DEFAULT;
        }

        @Override
        public String toString() {
            return "entity " + entity + " defaults";
        }
    }

    /** Limits of one entity for one resource. @param entity the entity id @param resource the resource name */
    record EntityResource(String entity, String resource) implements ConfigScope {
        /** Validates the identifiers. */
        public EntityResource {
            Require.entityId("entity", entity);
            Require.resource("resource", resource);
        }

        @Override
        public ConfigLevel level() {
            return ConfigLevel.ENTITY_RESOURCE;
        }

        @Override
        public String toString() {
            return "entity " + entity + " resource " + resource;
        }
    }
}
