package dev.limiter.dynamodb;

import dev.limiter.backend.Backend;
import dev.limiter.localstack.LocalStackEndpoint;
import dev.limiter.testkit.AcquireContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.time.InstantSource;

/** The acquire contract against LocalStack in Docker; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackAcquireContractTest extends AcquireContract {

    private LocalStackEndpoint localStack;
    private DynamoDbAsyncClient client;

    @BeforeAll
    void startLocalStack() {
        localStack = LocalStackEndpoint.start();
        client = DynamoDbAsyncClient.builder().endpointOverride(localStack.endpoint()).region(localStack.region())
                .credentialsProvider(localStack.credentials()).build();
        DynamoDbBackend.builder().client(client).tableName("limiter-localstack").build().createTable();
    }

    @Override
    protected Backend newBackend(InstantSource clock) {
        return DynamoDbBackend.builder().client(client).tableName("limiter-localstack").build();
    }

    @AfterAll
    void stopLocalStack() {
        if (client != null) {
            client.close();
        }
        if (localStack != null) {
            localStack.stop();
        }
    }
}
