package dev.limiter.dynamodb.testkit;

import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.BucketState;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * A fault path for a test class: the class's {@link TestTable}, created outside the path (issue 9, item 10: a
 * fixture set up through the faults fails by chance), a {@link FaultProxy} in front of the endpoint, and a client
 * through the proxy whose HTTP attempts are {@linkplain #log() logged}, with the SDK's standard retries cut to a few
 * attempts with short backoff so that tests can count them. Not thread-safe to configure; the client is.
 *
 * @param table  the class's table, reached without faults
 * @param faults the proxy that injects faults
 * @param log    the attempts of {@link #client()}
 * @param client the client through the proxy
 */
public record FaultPath(TestTable table, FaultProxy faults, RequestLog log, DynamoDbAsyncClient client)
        implements AutoCloseable {

    /**
     * Sets up a path to {@code endpoint}: {@code sdkAttempts} attempts per call with SDK backoff from
     * {@code backoffBase} up to {@code backoffMax}, each attempt bounded by {@code attemptTimeout} and the call by
     * {@code callTimeout}.
     */
    public static FaultPath create(DynamoDbTestEndpoint endpoint, int sdkAttempts, Duration backoffBase,
                                   Duration backoffMax, Duration attemptTimeout, Duration callTimeout) {
        TestTable table = TestTable.create(endpoint);
        FaultProxy faults;
        try {
            faults = new FaultProxy(endpoint.endpoint());
        } catch (IOException e) {
            table.close();
            throw new UncheckedIOException("fault proxy did not start", e);
        }
        RequestLog log = new RequestLog();
        BackoffStrategy quick = BackoffStrategy.exponentialDelay(backoffBase, backoffMax);
        DynamoDbAsyncClient client = endpoint.applyTo(DynamoDbAsyncClient.builder())
                .endpointOverride(faults.endpoint())
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(sdkAttempts)
                                .circuitBreakerEnabled(false).backoffStrategy(quick).throttlingBackoffStrategy(quick)
                                .build())
                        .apiCallAttemptTimeout(attemptTimeout).apiCallTimeout(callTimeout)
                        .addExecutionInterceptor(log))
                .build();
        return new FaultPath(table, faults, log, client);
    }

    /** Bucket {@code key} as stored, read without faults. */
    public BucketState stored(BucketKey key) {
        return Futures.join(table.backend().read(List.of(key))).get(0).state();
    }

    /** The net tokens of limit {@code limit} consumed by bucket {@code key}, read without faults. */
    public long consumed(BucketKey key, String limit) {
        return stored(key).find(limit).map(state -> state.consumedTokens()).orElse(0L);
    }

    @Override
    public void close() {
        faults.close();
        client.close();
        table.close();
    }
}
