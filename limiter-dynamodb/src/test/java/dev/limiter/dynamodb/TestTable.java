package dev.limiter.dynamodb;

import dev.limiter.localstack.DynamoDbTestEndpoint;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * A test class's table on the test endpoint: created once with the production schema, reached through one async
 * client whose requests are {@linkplain #log() logged}. Backends built here share the client and do not close it.
 */
final class TestTable implements AutoCloseable {

    private final DynamoDbTestEndpoint endpoint;
    private final RequestLog log = new RequestLog();
    private final DynamoDbAsyncClient client;

    private TestTable(DynamoDbTestEndpoint endpoint, ExecutionInterceptor... interceptors) {
        this.endpoint = endpoint;
        ExecutionInterceptor[] all = new ExecutionInterceptor[interceptors.length + 1];
        all[0] = log;
        System.arraycopy(interceptors, 0, all, 1, interceptors.length);
        this.client = endpoint.newAsyncClient(all);
    }

    /** Connects to the endpoint's table for this class, creating it if needed. */
    static TestTable create(DynamoDbTestEndpoint endpoint, ExecutionInterceptor... interceptors) {
        TestTable table = new TestTable(endpoint, interceptors);
        table.backend().createTable();
        table.log.clear();
        return table;
    }

    /** A backend on the table, sharing this table's client. */
    DynamoDbBackend backend() {
        return DynamoDbBackend.builder().client(client).tableName(endpoint.tableName()).build();
    }

    /** A builder for a backend on the table, sharing this table's client. */
    DynamoDbBackendBuilder backendBuilder() {
        return DynamoDbBackend.builder().client(client).tableName(endpoint.tableName());
    }

    /** The requests this table's client made. */
    RequestLog log() {
        return log;
    }

    DynamoDbAsyncClient client() {
        return client;
    }

    String name() {
        return endpoint.tableName();
    }

    @Override
    public void close() {
        client.close();
    }
}
