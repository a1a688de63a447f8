package dev.limiter.localstack;

import java.util.Map;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One strict engine for one test class: the server, a table keyed by {@code pk}, clients with and without the
 * SDK's retries, and the engine's control. Close it in {@code @AfterAll}.
 */
final class StrictFixture implements AutoCloseable {

    final MotoServer server;
    final DynamoDbTestEndpoint endpoint;
    final StrictControl control;
    /** A client that never retries, so each call is exactly one request the test can reason about. */
    final DynamoDbClient once;
    /** A client with the SDK's default retries, as applications use it. */
    final DynamoDbClient retrying;
    final DynamoDbAsyncClient async;

    private StrictFixture(MotoServer server, String table) {
        this.server = server;
        this.endpoint = new DynamoDbTestEndpoint(server.endpoint(), Region.US_EAST_1,
                DynamoDbTestEndpoint.fakeCredentials(), table, EndpointKind.MOTO_STRICT);
        this.control = endpoint.strict().orElseThrow();
        this.once = endpoint.applyTo(DynamoDbClient.builder()).overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(DynamoDbTestEndpoint.API_CALL_TIMEOUT).build()).build();
        this.retrying = endpoint.newSyncClient();
        this.async = endpoint.newAsyncClient();
    }

    /** Starts a strict engine and creates an on-demand table with a stream, named after the test class. */
    static StrictFixture start(Class<?> testClass) {
        StrictFixture fixture = new StrictFixture(MotoServer.start(MotoEngine.STRICT), TableNames.forClass(testClass));
        TestTables.createWithStream(fixture.once, fixture.table());
        return fixture;
    }

    String table() {
        return endpoint.tableName();
    }

    void put(String pk, String counter) {
        once.putItem(request -> request.tableName(table()).item(Map.of("pk", TestTables.s(pk), "n", TestTables.n(counter))));
    }

    /** Returns the counter {@code n} of an item, or null when the item or the attribute is missing. */
    String counter(String pk) {
        Map<String, AttributeValue> item = once.getItem(request -> request.tableName(table())
                .key(TestTables.key(pk)).consistentRead(true)).item();
        return item.containsKey("n") ? item.get("n").n() : null;
    }

    /** An {@code ADD n :one} update of one item. */
    TransactWriteItem add(String pk) {
        return TransactWriteItem.builder().update(update -> update.tableName(table()).key(TestTables.key(pk))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", TestTables.n("1")))).build();
    }

    void addOnce(String pk) {
        once.updateItem(request -> request.tableName(table()).key(TestTables.key(pk))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", TestTables.n("1"))));
    }

    @Override
    public void close() {
        once.close();
        retrying.close();
        async.close();
        server.stop();
    }
}
