package dev.limiter.cdk.construct;

import dev.limiter.dynamodb.schema.Attributes;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/**
 * Creates the limiter's table as {@code dev.limiter.dynamodb.schema.TableSchema} defines it, with the names taken
 * from {@link Attributes} so the two cannot drift, plus point-in-time recovery and the deletion settings.
 */
final class LimiterTableFactory {

    private LimiterTableFactory() {
    }

    /** The table, called {@code id} in {@code scope}. */
    static Table create(Construct scope, String id, LimiterConstructProps props) {
        Table.Builder builder = Table.Builder.create(scope, id)
                .partitionKey(string(Attributes.PK))
                .sortKey(string(Attributes.SK))
                // On demand: acquire traffic is bursty by nature, and an under-provisioned limiter throttles
                // exactly when it is needed.
                .billingMode(BillingMode.PAY_PER_REQUEST)
                // The aggregator derives usage from the difference of the consumed counters in old and new images.
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .timeToLiveAttribute(Attributes.TTL)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(props.deletionProtection())
                .removalPolicy(props.removalPolicy());
        props.tableName().ifPresent(builder::tableName);
        Table table = builder.build();
        // Sparse: only entities and configurations carry g1pk/g1sk, so bucket writes never touch the index and
        // projecting everything costs nothing on the hot path.
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(Attributes.GSI1)
                .partitionKey(string(Attributes.GSI1_PK))
                .sortKey(string(Attributes.GSI1_SK))
                .projectionType(ProjectionType.ALL)
                .build());
        return table;
    }

    private static Attribute string(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
