package dev.limiter.dynamodb.acquire;

import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.bucket.BucketState;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.BucketItems;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads buckets for {@code check}, {@code explain} and status, strongly consistent. Up to {@value #SINGLE_READS}
 * keys (every hierarchy fits: the depth bound is 32) are read with one {@code GetItem} each, in parallel, so that
 * {@code check} needs no permission beyond the acquire-only policy ({@code GetItem}, {@code UpdateItem}); more keys
 * go through {@code BatchGetItem}s of at most 100 keys, following unprocessed keys a bounded number of times.
 * Never used by acquires themselves.
 */
public final class BucketReader {

    private static final int SINGLE_READS = 32;
    private static final int BATCH = 100;
    private static final int MAX_ROUNDS = 8;

    private final DynamoDbAsyncClient client;
    private final String table;

    /** Creates a reader of {@code table}. */
    public BucketReader(DynamoDbAsyncClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** The buckets of {@code keys}, in order; absent ones are {@link BucketState#EMPTY}. */
    public CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys) {
        return keys.size() <= SINGLE_READS ? readEach(keys) : readBatched(keys);
    }

    private CompletableFuture<List<BucketSnapshot>> readEach(List<BucketKey> keys) {
        return Futures.guard(() -> {
            List<CompletableFuture<BucketSnapshot>> reads = new ArrayList<>(keys.size());
            for (BucketKey key : keys) {
                GetItemRequest request = GetItemRequest.builder().tableName(table).key(Keys.bucket(key).toAttributes())
                        .consistentRead(true).build();
                reads.add(Unavailable.map("GetItem", table, client.getItem(request), response ->
                        new BucketSnapshot(key, response.hasItem() && !response.item().isEmpty()
                                ? BucketItems.decode(response.item()) : BucketState.EMPTY)));
            }
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<BucketSnapshot> snapshots = new ArrayList<>(keys.size());
                reads.forEach(read -> snapshots.add(read.join()));
                return snapshots;
            });
        });
    }

    private CompletableFuture<List<BucketSnapshot>> readBatched(List<BucketKey> keys) {
        return Futures.guard(() -> {
            Map<String, Map<String, AttributeValue>> found = new HashMap<>();
            List<CompletableFuture<Void>> batches = new ArrayList<>();
            for (int start = 0; start < keys.size(); start += BATCH) {
                List<Map<String, AttributeValue>> batch = new ArrayList<>();
                for (BucketKey key : keys.subList(start, Math.min(keys.size(), start + BATCH))) {
                    batch.add(Keys.bucket(key).toAttributes());
                }
                batches.add(fetch(batch, found, 1));
            }
            return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<BucketSnapshot> snapshots = new ArrayList<>(keys.size());
                for (BucketKey key : keys) {
                    Map<String, AttributeValue> item = found.get(Keys.bucketPk(key));
                    snapshots.add(new BucketSnapshot(key, item == null ? BucketState.EMPTY : BucketItems.decode(item)));
                }
                return snapshots;
            });
        });
    }

    private CompletableFuture<Void> fetch(List<Map<String, AttributeValue>> keys,
                                          Map<String, Map<String, AttributeValue>> found, int round) {
        BatchGetItemRequest request = BatchGetItemRequest.builder().requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())).build();
        return Unavailable.map("BatchGetItem", table, client.batchGetItem(request), response -> {
            synchronized (found) {
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(item.get(Attributes.PK).s(), item));
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (round >= MAX_ROUNDS) {
                throw new CompletionException(new RateLimiterUnavailableException("DynamoDB BatchGetItem on table '"
                        + table + "' left " + unprocessed.keys().size() + " keys unprocessed after " + round + " rounds",
                        new IllegalStateException("unprocessed keys")));
            }
            return fetch(unprocessed.keys(), found, round + 1);
        }).thenCompose(f -> f);
    }
}
