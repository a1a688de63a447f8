package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * One record of the table's stream, independent of who read it (a Lambda event or the Streams API).
 *
 * @param type                    what happened to the item
 * @param keys                    the item's primary key attributes
 * @param oldImage                the item before the write; empty for an insert
 * @param newImage                the item after the write; empty for a removal
 * @param sequenceNumber          the record's sequence number in its shard, decimal digits as DynamoDB issues them
 * @param approximateCreationTime when DynamoDB wrote the record; decides the usage window
 * @param ttlRemoval              whether DynamoDB's TTL process deleted the item (see {@link #isTtlIdentity})
 */
public record StreamChange(Type type, Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
                           Map<String, AttributeValue> newImage, String sequenceNumber,
                           Instant approximateCreationTime, boolean ttlRemoval) {

    /** The principal DynamoDB's TTL process writes its deletions as. */
    public static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";
    /** The identity type of TTL deletions. */
    public static final String TTL_IDENTITY_TYPE = "Service";

    /** The event names of stream records. */
    public enum Type {
        /** A new item. */
        INSERT,
        /** An existing item changed. */
        MODIFY,
        /** An item deleted, by a user or by TTL. */
        REMOVE
    }

    /** Checks that no field is null and copies the maps. */
    public StreamChange {
        Require.nonNull("type", type);
        keys = Map.copyOf(Require.nonNull("keys", keys));
        oldImage = Map.copyOf(Require.nonNull("oldImage", oldImage));
        newImage = Map.copyOf(Require.nonNull("newImage", newImage));
        Require.nonNull("sequenceNumber", sequenceNumber);
        Require.nonNull("approximateCreationTime", approximateCreationTime);
    }

    /**
     * Whether a record's user identity marks a TTL deletion: principal {@value #TTL_PRINCIPAL}, type
     * {@value #TTL_IDENTITY_TYPE}. Records of other writers carry no identity at all.
     */
    public static boolean isTtlIdentity(String principalId, String type) {
        return TTL_PRINCIPAL.equals(principalId) && TTL_IDENTITY_TYPE.equals(type);
    }
}
