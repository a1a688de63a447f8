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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Charges a cascade (several buckets) in one {@code TransactWriteItems}: all or nothing, at 2 write units per item
 * and kilobyte. The client request token is the lease id plus the attempt number, so the SDK's own retries of one
 * attempt are idempotent for DynamoDB's ten-minute window while a new attempt with other branches is a new request.
 */
final class CascadeCharger {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String CONFLICT = "TransactionConflict";
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
                                             Map<BucketKey, Map<String, Branch>> branches, int attempt) {
        List<TransactWriteItem> items = new ArrayList<>(writes.size());
        writes.forEach(write -> items.add(TransactWriteItem.builder().update(write.toTransactUpdate(table)).build()));
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder().transactItems(items)
                .clientRequestToken(request.leaseId() + "-" + attempt).build();
        return client.transactWriteItems(transaction)
                .whenComplete((response, failure) -> charger.observeClock(request, response, failure))
                .handle((response, failure) -> failure == null
                        ? CompletableFuture.completedFuture(granted(writes, branches))
                        : resolve(request, writes, branches, failure, attempt))
                .thenCompose(Function.identity());
    }

    private ChargeOutcome granted(List<ChargeWrite> writes, Map<BucketKey, Map<String, Branch>> branches) {
        List<BucketSnapshot> snapshots = new ArrayList<>(writes.size());
        for (ChargeWrite write : writes) {
            String pk = write.pk();
            BucketState after = write.predictedAfter(cache.get(pk).orElse(BucketState.EMPTY));
            cache.observe(pk, after, Charger.busyBefore(branches.get(write.bucket().key())));
            snapshots.add(new BucketSnapshot(write.bucket().key(), after));
        }
        return new ChargeOutcome(true, snapshots);
    }

    private CompletableFuture<ChargeOutcome> resolve(ChargeRequest request, List<ChargeWrite> writes,
                                                     Map<BucketKey, Map<String, Branch>> branches, Throwable failure,
                                                     int attempt) {
        Throwable cause = Futures.unwrap(failure);
        if (!(cause instanceof TransactionCanceledException canceled) || !canceled.hasCancellationReasons()) {
            return CompletableFuture.failedFuture(Unavailable.translate("TransactWriteItems", table, cause));
        }
        Map<BucketKey, Map<String, AttributeValue>> failed = new HashMap<>();
        Map<BucketKey, Map<String, Branch>> passed = new HashMap<>();
        boolean conflict = false;
        List<CancellationReason> reasons = canceled.cancellationReasons();
        for (int i = 0; i < writes.size() && i < reasons.size(); i++) {
            BucketKey key = writes.get(i).bucket().key();
            String code = String.valueOf(reasons.get(i).code());
            if (code.equals(CONDITION_FAILED)) {
                failed.put(key, reasons.get(i).hasItem() ? reasons.get(i).item() : Map.of());
            } else if (code.equals(PASSED)) {
                passed.put(key, branches.get(key));
            } else if (code.equals(CONFLICT)) {
                conflict = true;
                passed.put(key, branches.get(key));
            } else {
                return CompletableFuture.failedFuture(Unavailable.translate("TransactWriteItems", table, cause));
            }
        }
        if (!failed.isEmpty()) {
            return charger.resolveConflict(request, failed, passed, attempt);
        }
        if (!conflict) {
            return CompletableFuture.failedFuture(Unavailable.translate("TransactWriteItems", table, cause));
        }
        return retryAfterConflict(request, branches, attempt);
    }

    /** Another transaction held an item: back off briefly with jitter, then try the same branches again. */
    private CompletableFuture<ChargeOutcome> retryAfterConflict(ChargeRequest request,
                                                                Map<BucketKey, Map<String, Branch>> branches,
                                                                int attempt) {
        if (attempt >= charger.maxAttempts()) {
            return CompletableFuture.failedFuture(Unavailable.contention(table, attempt));
        }
        long delayMillis = ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1);
        return CompletableFuture.supplyAsync(() -> null,
                        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> charger.attempt(request, branches, attempt + 1));
    }
}
