package dev.limiter.dynamodb.acquire;

import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.SettleRequest;
import dev.limiter.bucket.BucketState;
import dev.limiter.dynamodb.schema.BucketItems;
import dev.limiter.dynamodb.schema.ItemKey;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.dynamodb.schema.WriteTokens;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Settles leases: one {@code UpdateItem} for one changed bucket, one {@code TransactWriteItems} for several (a
 * cascade's settlement is all or nothing, so parent and child never drift apart). No admission check is made (debt is
 * allowed). A failed condition means the writer's view of a bucket was stale; the old image gives the exact view for
 * the next plan, or shows that this very settlement was already applied (its token is among the item's recent ones:
 * the settlement is idempotent per bucket, and since a transaction is atomic, one recognised item proves them all).
 * Conflicts and throttling are resent within the {@link Backoff} budget; past it the settlement fails as unavailable
 * (a settlement cannot be rejected), and the lease applies its {@code OnUnavailable} policy.
 *
 * <p>A transaction's client request token is derived from the lease id, the settlement's time and the number of the
 * send: the SDK's retries of one request are deduplicated by DynamoDB, and any other request (a new plan, a resend
 * after a cancellation, a later commit of the same lease) has a token of its own, so it is never refused as an
 * idempotent-parameter mismatch.
 */
public final class Settler {

    /** What the settler knows of one bucket: a state, exact when it is an old image from a failed condition. */
    private record Known(BucketState state, boolean exact) {
    }

    private final DynamoDbAsyncClient client;
    private final String table;
    private final BucketCache cache;
    private final int maxAttempts;
    private final Backoff backoff;
    private final TransactionGate gate;

    /** Creates a settler sharing {@code charger}'s view of the buckets and its retry budget. */
    public Settler(DynamoDbAsyncClient client, String table, Charger charger) {
        this.client = client;
        this.table = table;
        this.cache = charger.cache();
        this.maxAttempts = charger.maxAttempts();
        this.backoff = charger.backoff();
        this.gate = charger.gate();
    }

    /** Applies every adjustment of {@code request}. */
    public CompletableFuture<Void> settle(SettleRequest request) {
        return Futures.guard(() -> {
            Map<BucketKey, Known> known = new HashMap<>();
            for (BucketAdjustment bucket : request.buckets()) {
                known.put(bucket.key(), new Known(cache.get(Keys.bucketPk(bucket.key())).orElse(BucketState.EMPTY),
                        false));
            }
            if (request.buckets().size() == 1) {
                return gate.behindTransactions(Keys.bucketPk(request.buckets().get(0).key()),
                        () -> send(request, known, Round.FIRST));
            }
            String root = Keys.bucketPk(request.buckets().get(request.buckets().size() - 1).key());
            return gate.queue(root, () -> send(request, known, Round.FIRST));
        });
    }

    private CompletableFuture<Void> send(SettleRequest request, Map<BucketKey, Known> known, Round round) {
        String token = WriteTokens.settlement(request.leaseId());
        long now = request.nowNanos();
        List<SettleWrite> writes = new ArrayList<>(request.buckets().size());
        for (BucketAdjustment bucket : request.buckets()) {
            ItemKey key = Keys.bucket(bucket.key());
            Known view = known.get(bucket.key());
            SettleWrite write = SettleWrite.plan(bucket, key, view.state(), view.exact(), now, token,
                    cache.recentTokens(key.pk(), now));
            if (!write.isEmpty()) {
                writes.add(write);
            }
        }
        if (writes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?> call = writes.size() == 1 ? client.updateItem(writes.get(0).toUpdateItem(table))
                : client.transactWriteItems(transaction(request, writes, round));
        return call.handle((response, failure) -> {
            if (failure == null) {
                applied(writes, response, now);
                return CompletableFuture.<Void>completedFuture(null);
            }
            return resolve(request, known, writes, Futures.unwrap(failure), round);
        }).thenCompose(Function.identity());
    }

    private TransactWriteItemsRequest transaction(SettleRequest request, List<SettleWrite> writes, Round round) {
        List<TransactWriteItem> items = new ArrayList<>(writes.size());
        writes.forEach(write -> items.add(TransactWriteItem.builder().update(write.toTransactUpdate(table)).build()));
        String lease = request.leaseId().toString();
        String token = lease.substring(0, 24)
                + RecentTokens.fingerprint(lease + ":s:" + request.nowNanos() + ":" + round.sends());
        return TransactWriteItemsRequest.builder().transactItems(items).clientRequestToken(token).build();
    }

    private void applied(List<SettleWrite> writes, Object response, long now) {
        if (response instanceof UpdateItemResponse single) {
            cache.update(writes.get(0).pk(), BucketItems.decode(single.attributes()),
                    RecentTokens.count(single.attributes()), now);
            return;
        }
        for (SettleWrite write : writes) { // a transaction returns no image: keep the view, count the token
            String pk = write.pk();
            cache.update(pk, cache.get(pk).orElse(BucketState.EMPTY), cache.recentTokens(pk, now) + 1, now);
        }
    }

    private CompletableFuture<Void> resolve(SettleRequest request, Map<BucketKey, Known> known,
                                            List<SettleWrite> writes, Throwable cause, Round round) {
        Map<BucketKey, Map<String, AttributeValue>> failed = failedConditions(writes, cause);
        if (!failed.isEmpty()) {
            String token = WriteTokens.settlement(request.leaseId());
            if (failed.values().stream().anyMatch(item -> RecentTokens.recorded(item, token))) {
                return CompletableFuture.completedFuture(null); // applied before, and all or nothing
            }
            if (round.attempt() >= maxAttempts) {
                return CompletableFuture.failedFuture(Unavailable.contention(table, round.attempt()));
            }
            Map<BucketKey, Known> exact = new HashMap<>(known);
            failed.forEach((key, item) -> {
                BucketState observed = BucketItems.decode(item);
                cache.update(Keys.bucketPk(key), observed, RecentTokens.count(item), request.nowNanos());
                exact.put(key, new Known(observed, true));
            });
            return send(request, exact, round.nextAttempt());
        }
        WriteFailure kind = cause instanceof TransactionCanceledException canceled
                ? WriteFailure.ofTransaction(canceled) : WriteFailure.of(cause);
        int next = round.retry() + 1;
        if (kind.isTransient() && backoff.allows(kind, next)) {
            return backoff.retry(kind, next, () -> send(request, known, round.nextRetry()));
        }
        if (WriteFailure.isInvalidForItem(cause)) {
            writes.forEach(write -> cache.forget(write.pk()));
        }
        String operation = writes.size() == 1 ? "UpdateItem" : "TransactWriteItems";
        List<BucketKey> keys = new ArrayList<>(writes.size());
        writes.forEach(write -> keys.add(write.bucket().key()));
        return CompletableFuture.failedFuture(kind == WriteFailure.CONFLICT
                ? Unavailable.held(table, keys, round.retry(), backoff.budget(), cause)
                : Unavailable.translate(operation, table, cause));
    }

    /** The old images of the buckets whose conditions failed, by key; empty if no condition failed. */
    private static Map<BucketKey, Map<String, AttributeValue>> failedConditions(List<SettleWrite> writes,
                                                                                Throwable cause) {
        Map<BucketKey, Map<String, AttributeValue>> failed = new HashMap<>();
        if (cause instanceof ConditionalCheckFailedException single) {
            failed.put(writes.get(0).bucket().key(), single.hasItem() ? single.item() : Map.of());
        } else if (cause instanceof TransactionCanceledException canceled && canceled.hasCancellationReasons()) {
            List<CancellationReason> reasons = canceled.cancellationReasons();
            for (int i = 0; i < writes.size() && i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    failed.put(writes.get(i).bucket().key(), reasons.get(i).hasItem() ? reasons.get(i).item()
                            : Map.of());
                }
            }
        }
        return failed;
    }
}
