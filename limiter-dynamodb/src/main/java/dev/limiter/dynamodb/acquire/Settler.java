package dev.limiter.dynamodb.acquire;

import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.SettleRequest;
import dev.limiter.bucket.BucketState;
import dev.limiter.dynamodb.schema.BucketItems;
import dev.limiter.dynamodb.schema.ItemKey;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.dynamodb.schema.WriteTokens;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Settles leases: one {@code UpdateItem} per changed bucket, in parallel, each independent (no admission check, so
 * no transaction is needed). A failed condition means the writer's view of the bucket was stale; the old image gives
 * the exact view for the next attempt, or shows that this very settlement was already applied.
 */
public final class Settler {

    private final DynamoDbAsyncClient client;
    private final String table;
    private final BucketCache cache;
    private final int maxAttempts;

    /** Creates a settler sharing {@code charger}'s view of the buckets. */
    public Settler(DynamoDbAsyncClient client, String table, Charger charger) {
        this.client = client;
        this.table = table;
        this.cache = charger.cache();
        this.maxAttempts = charger.maxAttempts();
    }

    /** Applies every adjustment of {@code request}. */
    public CompletableFuture<Void> settle(SettleRequest request) {
        return Futures.guard(() -> {
            String token = WriteTokens.settlement(request.leaseId());
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (BucketAdjustment bucket : request.buckets()) {
                ItemKey key = Keys.bucket(bucket.key());
                BucketState known = cache.get(key.pk()).orElse(BucketState.EMPTY);
                writes.add(settleBucket(bucket, key, known, false, request.nowNanos(), token, 1));
            }
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
        });
    }

    private CompletableFuture<Void> settleBucket(BucketAdjustment bucket, ItemKey key, BucketState known,
                                                 boolean exact, long nowNanos, String token, int attempt) {
        SettleWrite write = SettleWrite.plan(bucket, key, known, exact, nowNanos, token);
        if (write.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String pk = key.pk();
        return client.updateItem(write.toUpdateItem(table)).handle((response, failure) -> {
            if (failure == null) {
                cache.update(pk, BucketItems.decode(response.attributes()));
                return CompletableFuture.<Void>completedFuture(null);
            }
            Throwable cause = Futures.unwrap(failure);
            if (!(cause instanceof ConditionalCheckFailedException conditionFailed)) {
                return CompletableFuture.<Void>failedFuture(Unavailable.translate("UpdateItem", table, cause));
            }
            Map<String, AttributeValue> old =
                    conditionFailed.hasItem() ? conditionFailed.item() : Map.of();
            if (BucketItems.lastToken(old).filter(token::equals).isPresent()) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (attempt >= maxAttempts) {
                return CompletableFuture.<Void>failedFuture(Unavailable.contention(table, attempt));
            }
            BucketState observed = BucketItems.decode(old);
            cache.update(pk, observed);
            return settleBucket(bucket, key, observed, true, nowNanos, token, attempt + 1);
        }).thenCompose(Function.identity());
    }
}
