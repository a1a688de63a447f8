package dev.limiter.dynamodb.acquire;

import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.bucket.BucketState;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Charges a cascade (several buckets) in one {@code TransactWriteItems}: all or nothing, at 2 write units per item
 * and kilobyte. The client request token is the lease id plus the number of the send, so the SDK's own retries of one
 * request are idempotent for DynamoDB's ten-minute window, while a new plan (other branches) or a resend after a
 * cancellation (which applied nothing) is a new request. A cancellation for conflicts or throttling is resent within
 * the {@link Backoff} budget.
 */
final class CascadeCharger {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String PASSED = "None";

    private final DynamoDbAsyncClient client;
    private final String table;
    private final BucketCache cache;
    private final Charger charger;

    CascadeCharger(DynamoDbAsyncClient client, String table, BucketCache cache, Charger charger) {
        this.client = client;
        this.table = table;
        this.cache = cache;
        this.charger = charger;
    }

    CompletableFuture<ChargeOutcome> attempt(ChargeRequest request, List<ChargeWrite> writes,
                                             Map<BucketKey, Map<String, Branch>> branches, Round round) {
        List<TransactWriteItem> items = new ArrayList<>(writes.size());
        writes.forEach(write -> items.add(TransactWriteItem.builder().update(write.toTransactUpdate(table)).build()));
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder().transactItems(items)
                .clientRequestToken(request.leaseId() + "-" + round.sends()).build();
        return client.transactWriteItems(transaction)
                .whenComplete((response, failure) -> charger.observeClock(request, response, failure))
                .handle((response, failure) -> failure == null
                        ? CompletableFuture.completedFuture(granted(request, writes, branches))
                        : resolve(request, writes, branches, failure, round))
                .thenCompose(Function.identity());
    }

    private ChargeOutcome granted(ChargeRequest request, List<ChargeWrite> writes,
                                  Map<BucketKey, Map<String, Branch>> branches) {
        List<BucketSnapshot> snapshots = new ArrayList<>(writes.size());
        long now = request.nowNanos();
        for (ChargeWrite write : writes) {
            String pk = write.pk();
            BucketState after = write.predictedAfter(cache.get(pk).orElse(BucketState.EMPTY));
            // No image comes back from a transaction: count this write's own token (a lower bound of the list).
            cache.observe(pk, after, Charger.busyBefore(branches.get(write.bucket().key())),
                    cache.recentTokens(pk, now) + 1, now);
            snapshots.add(new BucketSnapshot(write.bucket().key(), after));
        }
        return new ChargeOutcome(true, snapshots);
    }

    private CompletableFuture<ChargeOutcome> resolve(ChargeRequest request, List<ChargeWrite> writes,
                                                     Map<BucketKey, Map<String, Branch>> branches, Throwable failure,
                                                     Round round) {
        Throwable cause = Futures.unwrap(failure);
        if (!(cause instanceof TransactionCanceledException canceled) || !canceled.hasCancellationReasons()) {
            return notCancelled(request, writes, branches, cause, round);
        }
        Map<BucketKey, Map<String, AttributeValue>> failed = new HashMap<>();
        Map<BucketKey, Map<String, Branch>> passed = new HashMap<>();
        List<BucketKey> throttled = new ArrayList<>();
        boolean conflict = false;
        List<CancellationReason> reasons = canceled.cancellationReasons();
        for (int i = 0; i < writes.size() && i < reasons.size(); i++) {
            BucketKey key = writes.get(i).bucket().key();
            CancellationReason reason = reasons.get(i);
            String code = String.valueOf(reason.code());
            WriteFailure kind = WriteFailure.ofReason(reason);
            if (code.equals(CONDITION_FAILED)) {
                failed.put(key, reason.hasItem() ? reason.item() : Map.of());
            } else if (code.equals(PASSED) || kind.isTransient()) {
                passed.put(key, branches.get(key));
                conflict |= kind == WriteFailure.CONFLICT;
                if (kind == WriteFailure.THROTTLED) {
                    throttled.add(key);
                }
            } else {
                return CompletableFuture.failedFuture(Unavailable.translate("TransactWriteItems", table, cause));
            }
        }
        if (!failed.isEmpty()) {
            return charger.resolveConflict(request, failed, passed, round);
        }
        if (!throttled.isEmpty()) {
            return charger.retryTransient(request, branches, round, WriteFailure.THROTTLED, throttled, cause);
        }
        if (conflict) {
            return charger.retryTransient(request, branches, round, WriteFailure.CONFLICT, List.of(), cause);
        }
        return CompletableFuture.failedFuture(Unavailable.translate("TransactWriteItems", table, cause));
    }

    /** A failure of the whole request rather than a cancellation with reasons (e.g. throttling, a 5xx). */
    private CompletableFuture<ChargeOutcome> notCancelled(ChargeRequest request, List<ChargeWrite> writes,
                                                          Map<BucketKey, Map<String, Branch>> branches,
                                                          Throwable cause, Round round) {
        WriteFailure kind = WriteFailure.of(cause);
        if (kind.isTransient()) {
            return charger.retryTransient(request, branches, round, kind, keys(writes), cause);
        }
        if (WriteFailure.isInvalidForItem(cause)) {
            writes.forEach(write -> cache.forget(write.pk()));
        }
        return CompletableFuture.failedFuture(Unavailable.translate("TransactWriteItems", table, cause));
    }

    private static List<BucketKey> keys(List<ChargeWrite> writes) {
        List<BucketKey> keys = new ArrayList<>(writes.size());
        writes.forEach(write -> keys.add(write.bucket().key()));
        return keys;
    }
}
