package dev.limiter.localstack;

import static dev.limiter.localstack.TestTables.key;
import static dev.limiter.localstack.TestTables.n;
import static dev.limiter.localstack.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Reading the table's NEW_AND_OLD_IMAGES stream as the usage aggregator does, through the Streams API. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoStreamsTest {

    private DynamoDbTestEndpoint endpoint;
    private DynamoDbClient client;
    private DynamoDbStreamsClient streams;

    @BeforeAll
    void createTable(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.newSyncClient();
        this.streams = endpoint.newStreamsClient();
        TestTables.createWithStream(client, endpoint.tableName());
    }

    @AfterAll
    void disconnect() {
        client.close();
        streams.close();
    }

    @Test
    void getRecords_afterInsertAndUpdate_returnsBothWithOldAndNewImages() {
        client.putItem(request -> request.tableName(endpoint.tableName()).item(Map.of("pk", s("s1"), "c", n("1"))));
        client.updateItem(request -> request.tableName(endpoint.tableName()).key(key("s1"))
                .updateExpression("ADD c :two").expressionAttributeValues(Map.of(":two", n("2"))));

        List<Record> records = readFromTrimHorizon();

        assertThat(records).extracting(Record::eventName).containsExactly(OperationType.INSERT, OperationType.MODIFY);
        assertThat(records.get(0).dynamodb().hasOldImage()).isFalse();
        assertThat(records.get(0).dynamodb().newImage()).isEqualTo(Map.of("pk", s("s1"), "c", n("1")));
        assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(Map.of("pk", s("s1"), "c", n("1")));
        assertThat(records.get(1).dynamodb().newImage()).isEqualTo(Map.of("pk", s("s1"), "c", n("3")));
        assertThat(records.get(1).dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    }

    private List<Record> readFromTrimHorizon() {
        String streamArn = streams.listStreams(request -> request.tableName(endpoint.tableName()))
                .streams().get(0).streamArn();
        StreamDescription stream = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription();
        assertThat(stream.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        String iterator = streams.getShardIterator(request -> request.streamArn(streamArn)
                .shardId(stream.shards().get(0).shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return streams.getRecords(request -> request.shardIterator(iterator)).records();
    }
}
