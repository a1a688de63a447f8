package dev.limiter.benchmarks;

import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.EndpointKind;
import dev.limiter.localstack.MotoServer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * A benchmark's own DynamoDB: a {@code moto_server} it starts on a free loopback port (serialised, so moto applies
 * one request at a time), one async client with the benchmark's interceptors, and one limiter table created with
 * the production schema. {@link #close()} closes the client and stops the server; nothing outlives the benchmark.
 *
 * <p>Thread-safety: the client and the backends are thread-safe; open and close from one thread.
 */
final class MotoTable implements AutoCloseable {

    /** The table every benchmark uses; each run has its own server, so the name never collides. */
    static final String TABLE = "limiter-bench";

    private final MotoServer server;
    private final DynamoDbAsyncClient client;

    private MotoTable(MotoServer server, DynamoDbAsyncClient client) {
        this.server = server;
        this.client = client;
    }

    /** Starts moto, connects a client that runs {@code interceptors} on every HTTP attempt, and creates the table. */
    static MotoTable start(ExecutionInterceptor... interceptors) {
        MotoServer server = MotoServer.start();
        try {
            DynamoDbAsyncClient client = new DynamoDbTestEndpoint(server.endpoint(), Region.US_EAST_1,
                    DynamoDbTestEndpoint.fakeCredentials(), TABLE, EndpointKind.MOTO).newAsyncClient(interceptors);
            MotoTable table = new MotoTable(server, client);
            table.backend().createTable();
            return table;
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** A new backend on the table, sharing this table's client (closing the backend leaves the client open). */
    DynamoDbBackend backend() {
        return DynamoDbBackend.builder().client(client).tableName(TABLE).build();
    }

    DynamoDbAsyncClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.stop();
        }
    }
}
