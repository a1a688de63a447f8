package dev.limiter.dynamodb.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The primary key of an item.
 *
 * @param pk partition key
 * @param sk sort key
 */
public record ItemKey(String pk, String sk) {

    /** The key as the attribute map DynamoDB requests take. */
    public Map<String, AttributeValue> toAttributes() {
        return Map.of(Attributes.PK, AttributeValue.fromS(pk), Attributes.SK, AttributeValue.fromS(sk));
    }
}
