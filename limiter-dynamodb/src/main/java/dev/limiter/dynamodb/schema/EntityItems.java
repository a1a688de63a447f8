package dev.limiter.dynamodb.schema;

import dev.limiter.entity.Entity;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/** Encodes and decodes entity items. */
public final class EntityItems {

    private EntityItems() {
    }

    /** The item storing {@code entity}. */
    public static Map<String, AttributeValue> encode(String namespace, Entity entity) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.entity(namespace, entity.id()).toAttributes());
        item.put(Attributes.GSI1_PK, AttributeValue.fromS(Keys.entitiesIndexPk(namespace)));
        item.put(Attributes.GSI1_SK, AttributeValue.fromS(Keys.entityIndexSk(entity.id(), entity.parent())));
        entity.parent().ifPresent(parent -> item.put(Attributes.PARENT, AttributeValue.fromS(parent)));
        item.put(Attributes.CASCADE, AttributeValue.fromBool(entity.cascade()));
        entity.displayName().ifPresent(name -> item.put(Attributes.DISPLAY_NAME, AttributeValue.fromS(name)));
        if (!entity.metadata().isEmpty()) {
            Map<String, AttributeValue> metadata = new HashMap<>();
            entity.metadata().forEach((key, value) -> metadata.put(key, AttributeValue.fromS(value)));
            item.put(Attributes.METADATA, AttributeValue.fromM(metadata));
        }
        return item;
    }

    /** The entity an item stores; its id comes from the partition key. */
    public static Entity decode(Map<String, AttributeValue> item) {
        String pk = item.get(Attributes.PK).s();
        String id = pk.substring(pk.lastIndexOf('#') + 1);
        AttributeValue parent = item.get(Attributes.PARENT);
        Entity entity = parent == null ? Entity.root(id) : Entity.child(id, parent.s());
        AttributeValue cascade = item.get(Attributes.CASCADE);
        entity = entity.withCascade(cascade != null && Boolean.TRUE.equals(cascade.bool()));
        AttributeValue displayName = item.get(Attributes.DISPLAY_NAME);
        if (displayName != null) {
            entity = entity.withDisplayName(displayName.s());
        }
        AttributeValue metadata = item.get(Attributes.METADATA);
        if (metadata != null && metadata.hasM()) {
            Map<String, String> values = new HashMap<>();
            metadata.m().forEach((key, value) -> values.put(key, value.s()));
            entity = entity.withMetadata(values);
        }
        return entity;
    }
}
