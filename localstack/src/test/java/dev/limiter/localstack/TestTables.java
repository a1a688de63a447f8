package dev.limiter.localstack;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Creates the tables and keys the endpoint tests use: a string partition key {@code pk}, a stream. */
final class TestTables {

    static final String KEY = "pk";

    private TestTables() {
    }

    /** Creates an on-demand table keyed by {@code pk} with a NEW_AND_OLD_IMAGES stream and waits for it. */
    static void createWithStream(DynamoDbClient client, String tableName) {
        client.createTable(request -> request.tableName(tableName)
                .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName(KEY).attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(waiting -> waiting.waitTimeout(Duration.ofSeconds(30)).maxAttempts(150)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(200))))
                .build()) {
            waiter.waitUntilTableExists(request -> request.tableName(tableName)).matched().response().orElseThrow();
        }
    }

    /** Returns the key of an item. */
    static Map<String, AttributeValue> key(String value) {
        return Map.of(KEY, s(value));
    }

    /** Returns a string attribute. */
    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    /** Returns a number attribute. */
    static AttributeValue n(String value) {
        return AttributeValue.builder().n(value).build();
    }
}
