package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.time.Instant;

/**
 * The fixture shared by tests that feed the usage aggregator records of a {@link FakeStream}: the class's table, an
 * aggregator and a reader on it, and per test a fresh namespace whose stream starts at {@link #STREAM_START}.
 */
@WithDynamoDb
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FakeStreamTest {

    /** When each test's stream starts. */
    static final Instant STREAM_START = Instant.parse("2026-03-01T10:15:00Z");

    final DynamoDbTestEndpoint endpoint;
    final TestTable table;
    final DynamoDbAsyncClient client;
    final UsageAggregator aggregator;
    final UsageReader reader;
    String namespace;
    FakeStream stream;
    private final String namespacePrefix;

    FakeStreamTest(DynamoDbTestEndpoint endpoint, String namespacePrefix) {
        this.endpoint = endpoint;
        this.namespacePrefix = namespacePrefix;
        this.table = TestTable.create(endpoint);
        this.client = table.client();
        this.aggregator = UsageAggregator.create(client, endpoint.tableName());
        this.reader = UsageReader.create(client, endpoint.tableName());
    }

    @BeforeEach
    final void newNamespace() {
        namespace = TestTable.uniqueNamespace(namespacePrefix);
        stream = new FakeStream(namespace, STREAM_START);
        table.log().clear();
    }

    @AfterAll
    final void closeTable() {
        table.close();
    }
}
