package dev.limiter.dynamodb.acquire;

import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.backend.BucketKey;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Turns failures of DynamoDB calls into {@link RateLimiterUnavailableException}: by the time an SDK exception
 * reaches the limiter, the client's retry strategy (throttling, 5xx, timeouts) is exhausted. Anything that is not an
 * SDK exception is a bug and passes through unchanged.
 */
public final class Unavailable {

    private Unavailable() {
    }

    /** The exception to complete a future with after {@code failure} of {@code operation} on {@code table}. */
    public static Throwable translate(String operation, String table, Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof ResourceNotFoundException) {
            return new RateLimiterUnavailableException("DynamoDB " + operation + " failed: table '" + table
                    + "' does not exist (create it with `limiter table create` or the CDK app)", cause);
        }
        if (cause instanceof SdkException) {
            return new RateLimiterUnavailableException("DynamoDB " + operation + " on table '" + table
                    + "' failed: " + cause.getMessage(), cause);
        }
        return cause;
    }

    /** The exception for a write whose condition kept failing on fresh images, {@code attempts} times in a row. */
    public static RateLimiterUnavailableException contention(String table, int attempts) {
        return new RateLimiterUnavailableException("DynamoDB write to table '" + table + "' lost " + attempts
                + " races in a row to concurrent writers", new IllegalStateException("contention: condition failed "
                + attempts + " times on fresh item images"));
    }

    /**
     * The exception for a write of buckets {@code keys} that kept finding its items held by other transactions
     * ({@code TransactionConflictException}, {@code TransactionConflict} reasons) through {@code retries}
     * backed-off retries, the conflict budget of {@code budget}.
     */
    public static RateLimiterUnavailableException held(String table, List<BucketKey> keys, int retries,
                                                       RetryBudget budget, Throwable cause) {
        StringBuilder buckets = new StringBuilder();
        for (BucketKey key : keys) {
            buckets.append(buckets.length() == 0 ? "" : ", ").append(key.entity()).append('/').append(key.resource());
        }
        return new RateLimiterUnavailableException("DynamoDB write to table '" + table + "' of bucket(s) " + buckets
                + " found its items held by other transactions through " + retries + " backed-off retries (the"
                + " conflict budget: conflictRetries " + budget.conflictRetries() + ", steps up to "
                + budget.conflictCap().toMillis() + " ms; raise it with DynamoDbBackendBuilder.retryBudget)", cause);
    }

    /**
     * The result of DynamoDB call {@code operation} on {@code table}, mapped by {@code onSuccess}; a failure of the
     * call is {@linkplain #translate translated}.
     */
    public static <R, T> CompletableFuture<T> map(String operation, String table, CompletableFuture<R> call,
                                                  Function<? super R, ? extends T> onSuccess) {
        return call.handle((response, failure) -> {
            if (failure != null) {
                throw rethrow(operation, table, failure);
            }
            return onSuccess.apply(response);
        });
    }

    /** {@link #translate} wrapped for rethrowing inside a future stage. */
    public static CompletionException rethrow(String operation, String table, Throwable failure) {
        return new CompletionException(translate(operation, table, failure));
    }
}
