package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Table-level operations the limiter needs, against the endpoint the extension provides (moto here). */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoTableOperationsTest {

    private DynamoDbTestEndpoint endpoint;
    private DynamoDbClient client;

    @BeforeAll
    void connect(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.newSyncClient();
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    @Test
    void createTable_withNewAndOldImagesStream_isListedAndDescribed() {
        String name = endpoint.tableName("created");

        TestTables.createWithStream(client, name);

        TableDescription table = client.describeTable(request -> request.tableName(name)).table();
        assertThat(client.listTables().tableNames()).contains(name);
        assertThat(table.keySchema()).singleElement()
                .satisfies(key -> assertThat(key.attributeName()).isEqualTo(TestTables.KEY));
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.latestStreamArn()).contains(name);
    }

    @Test
    void updateTimeToLive_enabled_isDescribedAsEnabled() {
        String name = endpoint.tableName("ttl");
        TestTables.createWithStream(client, name);

        client.updateTimeToLive(request -> request.tableName(name)
                .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("ttl")));

        assertThat(client.describeTimeToLive(request -> request.tableName(name)).timeToLiveDescription())
                .satisfies(ttl -> assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED))
                .satisfies(ttl -> assertThat(ttl.attributeName()).isEqualTo("ttl"));
    }
}
