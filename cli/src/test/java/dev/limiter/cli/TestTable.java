package dev.limiter.cli;

import dev.limiter.RateLimiter;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The DynamoDB table of one test class, reached by the CLI through the environment variables users set
 * ({@code LIMITER_ENDPOINT_URL}, {@code LIMITER_TABLE}, {@code AWS_REGION}) and by the library through a client of
 * its own, to change the table behind the CLI's back. Close it after the class.
 */
public final class TestTable implements AutoCloseable {

    private final DynamoDbTestEndpoint endpoint;
    private final DynamoDbAsyncClient client;

    /** The table {@code endpoint.tableName()}, not yet created. */
    public TestTable(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.newAsyncClient();
    }

    /** The table's name. */
    public String name() {
        return endpoint.tableName();
    }

    /** The variables that point the CLI at the table. */
    public Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("LIMITER_ENDPOINT_URL", endpoint.endpoint().toString());
        variables.put("LIMITER_TABLE", endpoint.tableName());
        variables.put("AWS_REGION", endpoint.region().id());
        return variables;
    }

    /** Runs {@code limiter args...} against the table. */
    public CliRun run(String... args) {
        return CliRun.with(environment(), "", args);
    }

    /** Runs {@code limiter args...} against the table with {@code stdin} as standard input. */
    public CliRun runWithInput(String stdin, String... args) {
        return CliRun.with(environment(), stdin, args);
    }

    /** A limiter on the table in {@code namespace}, bypassing the CLI; it reads stored limits uncached. */
    public RateLimiter limiter(String namespace) {
        return RateLimiter.builder().backend(DynamoDbBackend.builder().client(client).tableName(name()).build())
                .namespace(namespace).configCacheTtl(java.time.Duration.ZERO).build();
    }

    /** A namespace no other test uses. */
    public static String freshNamespace(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
    }

    @Override
    public void close() {
        client.close();
    }
}
