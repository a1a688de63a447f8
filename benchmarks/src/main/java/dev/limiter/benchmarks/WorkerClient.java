package dev.limiter.benchmarks;

import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.EndpointKind;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The DynamoDB client of one worker process of a load benchmark: the SDK's standard retries as
 * {@code DynamoDbBackend.builder()} builds them, a 5 s attempt timeout (a local engine on a busy machine can be slow)
 * and 20 s per call, with the benchmark's interceptor counting every HTTP attempt.
 */
final class WorkerClient {

    private WorkerClient() {
    }

    /** A client of {@code table} on the local engine at {@code endpoint}. */
    static DynamoDbAsyncClient open(URI endpoint, String table, EndpointKind kind, ExecutionInterceptor interceptor) {
        DynamoDbTestEndpoint target = new DynamoDbTestEndpoint(endpoint, Region.US_EAST_1,
                DynamoDbTestEndpoint.fakeCredentials(), table, kind);
        return target.applyTo(DynamoDbAsyncClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(Duration.ofSeconds(5)).apiCallTimeout(Duration.ofSeconds(20))
                        .addExecutionInterceptor(interceptor)).build();
    }

    /** Loads the configurations of {@code entities} before the clock starts, retrying while the engine is busy. */
    static void warmUp(RateLimiter limiter, List<String> entities, String resource) {
        for (String entity : entities) {
            for (int attempt = 1; ; attempt++) {
                try {
                    limiter.explain(entity, resource);
                    break;
                } catch (RateLimiterUnavailableException slow) {
                    if (attempt == 5) {
                        throw slow;
                    }
                }
            }
        }
    }
}
