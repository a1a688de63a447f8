package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Runs only where Docker is available; skipped (visibly) elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackEndpointTest {

    private LocalStackEndpoint localStack;

    @BeforeAll
    void startLocalStack() {
        localStack = LocalStackEndpoint.start();
    }

    @AfterAll
    void stopLocalStack() {
        localStack.stop();
    }

    @Test
    void createTable_onLocalStack_isListed() {
        DynamoDbTestEndpoint endpoint = new DynamoDbTestEndpoint(localStack.endpoint(), localStack.region(),
                localStack.credentials(), "limiter-test-localstack", EndpointKind.LOCALSTACK);
        try (DynamoDbClient client = endpoint.newSyncClient()) {
            client.createTable(request -> request.tableName(endpoint.tableName())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("pk").attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));

            assertThat(client.listTables().tableNames()).contains(endpoint.tableName());
        }
    }
}
