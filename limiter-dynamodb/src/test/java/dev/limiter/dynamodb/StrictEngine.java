package dev.limiter.dynamodb;

import dev.limiter.backend.BucketKey;
import dev.limiter.dynamodb.acquire.RetryBudget;
import dev.limiter.dynamodb.testkit.RequestLog;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.EndpointKind;
import dev.limiter.localstack.MotoEngine;
import dev.limiter.localstack.MotoServer;
import dev.limiter.localstack.StrictControl;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A strict engine of a test class's own (DynamoDB's conflicts, throttling, idempotency and ambiguous failures, under
 * the test's control), whatever engine the rest of the JVM uses, so these tests always run against it. The table is
 * created with a client outside any fault path; tests reach it through {@link #client(URI)}, whose requests are
 * logged, with quick SDK retries (3 attempts, millisecond backoff).
 */
final class StrictEngine implements AutoCloseable {

    /** Seed of the backoff jitter; set with {@code -Dlimiter.seed=}. */
    static final long SEED = Long.getLong("limiter.seed", 9L);

    private final MotoServer server;
    private final DynamoDbTestEndpoint endpoint;
    private final RequestLog log = new RequestLog();

    private StrictEngine(MotoServer server, String table) {
        this.server = server;
        this.endpoint = new DynamoDbTestEndpoint(server.endpoint(), Region.US_EAST_1,
                DynamoDbTestEndpoint.fakeCredentials(), table, EndpointKind.MOTO_STRICT);
    }

    /** Starts an engine and creates {@code testClass}'s table on it. */
    static StrictEngine start(Class<?> testClass) {
        StrictEngine engine = new StrictEngine(MotoServer.start(MotoEngine.STRICT),
                "limiter-strict-" + testClass.getSimpleName());
        try (DynamoDbAsyncClient setup = engine.endpoint.newAsyncClient()) {
            DynamoDbBackend.builder().client(setup).tableName(engine.table()).build().createTable();
        }
        return engine;
    }

    String table() {
        return endpoint.tableName();
    }

    URI endpoint() {
        return endpoint.endpoint();
    }

    StrictControl control() {
        return endpoint.strict().orElseThrow();
    }

    RequestLog log() {
        return log;
    }

    /**
     * A logged client with quick SDK retries to {@code target} (the engine, or a proxy in front of it), also running
     * {@code more} interceptors.
     */
    DynamoDbAsyncClient client(URI target, ExecutionInterceptor... more) {
        BackoffStrategy quick = BackoffStrategy.exponentialDelay(Duration.ofMillis(2), Duration.ofMillis(10));
        return endpoint.applyTo(DynamoDbAsyncClient.builder()).endpointOverride(target)
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3)
                                .circuitBreakerEnabled(false).backoffStrategy(quick).throttlingBackoffStrategy(quick)
                                .build())
                        .apiCallAttemptTimeout(DynamoDbTestEndpoint.API_CALL_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(DynamoDbTestEndpoint.API_CALL_TIMEOUT)
                        .executionInterceptors(withLog(more)))
                .build();
    }

    private List<ExecutionInterceptor> withLog(ExecutionInterceptor... more) {
        List<ExecutionInterceptor> all = new ArrayList<>();
        all.add(log);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /**
     * A backend on {@code client} whose transient retries, {@code retries} of either cause, back off from
     * {@code base} to {@code cap} (conflict steps too).
     */
    DynamoDbBackend backend(DynamoDbAsyncClient client, int retries, Duration base, Duration cap) {
        RetryBudget budget = RetryBudget.DEFAULT.withBackoff(base, cap).withRetries(retries)
                .withConflicts(cap, retries);
        return DynamoDbBackend.builder().client(client).tableName(table()).retryBudget(budget)
                .jitter(new SplittableRandom(SEED)).build();
    }

    /** The net tokens of limit {@code limit} consumed by bucket {@code key}, read through {@code client}. */
    long consumed(DynamoDbAsyncClient client, BucketKey key, String limit) {
        DynamoDbBackend backend = DynamoDbBackend.builder().client(client).tableName(table()).build();
        return Futures.join(backend.read(List.of(key))).get(0).state().find(limit)
                .map(state -> state.consumedTokens()).orElse(0L);
    }

    @Override
    public void close() {
        server.stop();
    }
}
