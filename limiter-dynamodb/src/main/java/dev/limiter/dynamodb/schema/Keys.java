package dev.limiter.dynamodb.schema;

import dev.limiter.backend.BucketKey;
import dev.limiter.config.ConfigScope;
import dev.limiter.internal.Require;

import java.util.Optional;

/**
 * Builds and parses item keys. Every key starts with the namespace; {@code #} separates parts and cannot occur
 * in any identifier, so parsing is unambiguous and no identifier can address another tenant's items.
 */
public final class Keys {

    /** Sort key of bucket items. */
    public static final String BUCKET_SK = "B";
    /** Sort key of entity items. */
    public static final String ENTITY_SK = "E";

    private static final String BUCKET = "#B#";
    private static final String ENTITY = "#E#";
    private static final String CONFIGS = "#C";

    private Keys() {
    }

    /** Partition key of a bucket: {@code ns#B#entity#resource}. */
    public static String bucketPk(BucketKey key) {
        return key.namespace() + BUCKET + key.entity() + '#' + key.resource();
    }

    /** The bucket a partition key names, if it is a bucket key. */
    public static Optional<BucketKey> parseBucketPk(String pk) {
        int bucket = pk.indexOf(BUCKET);
        if (bucket <= 0) {
            return Optional.empty();
        }
        String rest = pk.substring(bucket + BUCKET.length());
        int separator = rest.indexOf('#');
        if (separator <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BucketKey(pk.substring(0, bucket), rest.substring(0, separator),
                    rest.substring(separator + 1)));
        } catch (IllegalArgumentException notABucket) {
            return Optional.empty();
        }
    }

    /** Partition key of an entity and its configurations: {@code ns#E#entity}. */
    public static String entityPk(String namespace, String entity) {
        return Require.namespace("namespace", namespace) + ENTITY + Require.entityId("entity", entity);
    }

    /** Partition key of a namespace's own and resource configurations: {@code ns#C}. */
    public static String namespaceConfigPk(String namespace) {
        return Require.namespace("namespace", namespace) + CONFIGS;
    }

    /** Primary key of a namespace's settings item (not in any index). */
    public static ItemKey settings(String namespace) {
        return new ItemKey(namespaceConfigPk(namespace), "S");
    }

    /** Index partition key listing a namespace's entities. */
    public static String entitiesIndexPk(String namespace) {
        return Require.namespace("namespace", namespace) + "#ENTITIES";
    }

    /** Index sort key of an entity: {@code P#parent#id}, or {@code R#id} for a root. */
    public static String entityIndexSk(String id, Optional<String> parent) {
        return parent.map(p -> childrenPrefix(p) + id).orElse("R#" + id);
    }

    /** Index sort-key prefix of the children of {@code parent}. */
    public static String childrenPrefix(String parent) {
        return "P#" + parent + '#';
    }

    /** Index partition key listing a namespace's configurations. */
    public static String configsIndexPk(String namespace) {
        return Require.namespace("namespace", namespace) + "#CONFIGS";
    }

    /** Primary key of a bucket item. */
    public static ItemKey bucket(BucketKey key) {
        return new ItemKey(bucketPk(key), BUCKET_SK);
    }

    /** Primary key of an entity item. */
    public static ItemKey entity(String namespace, String entity) {
        return new ItemKey(entityPk(namespace, entity), ENTITY_SK);
    }

    /** Primary key of the configuration at {@code scope}. */
    public static ItemKey config(String namespace, ConfigScope scope) {
        if (scope instanceof ConfigScope.EntityResource er) {
            return new ItemKey(entityPk(namespace, er.entity()), "CR#" + er.resource());
        }
        if (scope instanceof ConfigScope.EntityDefault ed) {
            return new ItemKey(entityPk(namespace, ed.entity()), "CD");
        }
        if (scope instanceof ConfigScope.Resource r) {
            return new ItemKey(namespaceConfigPk(namespace), "R#" + r.resource());
        }
        return new ItemKey(namespaceConfigPk(namespace), "N");
    }

    /** Index sort key of the configuration at {@code scope}; it encodes the scope, see {@link #parseConfigIndexSk}. */
    public static String configIndexSk(ConfigScope scope) {
        if (scope instanceof ConfigScope.EntityResource er) {
            return "ER#" + er.entity() + '#' + er.resource();
        }
        if (scope instanceof ConfigScope.EntityDefault ed) {
            return "ED#" + ed.entity();
        }
        if (scope instanceof ConfigScope.Resource r) {
            return "R#" + r.resource();
        }
        return "N";
    }

    /** The scope an index sort key of a configuration encodes. */
    public static ConfigScope parseConfigIndexSk(String sk) {
        if (sk.equals("N")) {
            return ConfigScope.namespace();
        }
        if (sk.startsWith("R#")) {
            return ConfigScope.resource(sk.substring(2));
        }
        if (sk.startsWith("ED#")) {
            return ConfigScope.entityDefault(sk.substring(3));
        }
        if (sk.startsWith("ER#")) {
            String rest = sk.substring(3);
            int separator = rest.indexOf('#');
            return ConfigScope.entityResource(rest.substring(0, separator), rest.substring(separator + 1));
        }
        throw new IllegalArgumentException("not a configuration index key: '" + Require.echo(sk) + "'");
    }
}
