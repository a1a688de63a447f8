package dev.limiter.dynamodb.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The production table definition, shared by the development bootstrap and (as documentation of truth) the CDK
 * construct: on-demand billing, string {@code pk}/{@code sk}, a stream with new and old images for the usage
 * aggregator, TTL on {@link Attributes#TTL}, and the sparse index {@link Attributes#GSI1} (bucket items never
 * carry its keys, so acquires never write it).
 */
public final class TableSchema {

    private TableSchema() {
    }

    /** The create-table request for {@code tableName}. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        stringAttribute(Attributes.PK), stringAttribute(Attributes.SK),
                        stringAttribute(Attributes.GSI1_PK), stringAttribute(Attributes.GSI1_SK))
                .keySchema(key(Attributes.PK, KeyType.HASH), key(Attributes.SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(Attributes.GSI1)
                        .keySchema(key(Attributes.GSI1_PK, KeyType.HASH), key(Attributes.GSI1_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
