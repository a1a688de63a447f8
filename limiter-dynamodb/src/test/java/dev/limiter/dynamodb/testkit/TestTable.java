package dev.limiter.dynamodb.testkit;

import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.schema.TableSchema;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A test class's table on the test endpoint: created once with the production schema, reached through one async
 * client whose requests are {@linkplain #log() logged}. Backends built here share the client and do not close it.
 */
public final class TestTable implements AutoCloseable {

    private final DynamoDbTestEndpoint endpoint;
    private final RequestLog log = new RequestLog();
    private final DynamoDbAsyncClient client;

    private TestTable(DynamoDbTestEndpoint endpoint, ExecutionInterceptor... more) {
        this.endpoint = endpoint;
        ExecutionInterceptor[] interceptors = new ExecutionInterceptor[more.length + 1];
        interceptors[0] = log;
        System.arraycopy(more, 0, interceptors, 1, more.length);
        this.client = endpoint.newAsyncClient(interceptors);
    }

    /**
     * Connects to the endpoint's table for this class, creating it if needed; the client also runs {@code more}
     * (after the request log).
     */
    public static TestTable create(DynamoDbTestEndpoint endpoint, ExecutionInterceptor... more) {
        TestTable table = new TestTable(endpoint, more);
        table.backend().createTable();
        table.log.clear();
        return table;
    }

    /**
     * Connects to the endpoint's table for this class, creating it with the production schema but no stream, for
     * load tests that read no stream: moto deep-copies a table's stream records on every transaction, so its
     * transactions slow down as a streamed table's run goes on (docs/architecture.md).
     */
    public static TestTable createWithoutStream(DynamoDbTestEndpoint endpoint) {
        TestTable table = new TestTable(endpoint);
        table.client.createTable(TableSchema.createTableRequest(endpoint.tableName()).toBuilder()
                .streamSpecification(StreamSpecification.builder().streamEnabled(false).build()).build()).join();
        table.log.clear();
        return table;
    }

    /** A namespace no other test uses: {@code prefix} and 16 random hex digits at most. */
    public static String uniqueNamespace(String prefix) {
        return prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /** A backend on the table, sharing this table's client. */
    public DynamoDbBackend backend() {
        return DynamoDbBackend.builder().client(client).tableName(endpoint.tableName()).build();
    }

    /** The requests this table's client made. */
    public RequestLog log() {
        return log;
    }

    /** The table's client; {@link #close()} closes it. */
    public DynamoDbAsyncClient client() {
        return client;
    }

    /** The table's name. */
    public String name() {
        return endpoint.tableName();
    }

    @Override
    public void close() {
        client.close();
    }
}
