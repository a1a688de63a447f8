package dev.limiter.dynamodb.acquire;

import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.LimitCharge;
import dev.limiter.backend.Throttle;
import dev.limiter.bucket.BucketState;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.BucketItems;
import dev.limiter.dynamodb.schema.ItemKey;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.dynamodb.schema.WriteTokens;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Performs acquires: one conditional {@code UpdateItem} for a single bucket, a {@link CascadeCharger transaction}
 * for several. A failed condition is resolved from the returned old image into a rejection, a duplicate of an
 * applied attempt, or one more attempt with exact branches. A write refused for a transient reason (an item held by
 * a transaction, a throttled key) is resent within the {@link Backoff} budget; past it, throttling is a rejection
 * of the throttled key ({@link WriteFailure#KEY_WRITE_RATE}) and a conflict makes DynamoDB unavailable.
 */
public final class Charger {

    /** The largest offset by which this process's clock may run ahead of DynamoDB's unless configured otherwise. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(2);

    private final DynamoDbAsyncClient client;
    private final String table;
    private final BucketCache cache;
    private final int maxAttempts;
    private final Backoff backoff;
    private final CascadeCharger cascade;
    private final TransactionGate gate = new TransactionGate();
    private final ClockSkew skew;

    /**
     * Creates a charger writing to {@code table}; {@code maxAttempts} bounds condition-driven retries,
     * {@code backoff} transient ones, and acquires are refused while responses show the stamping clock ahead of
     * DynamoDB's by more than {@code maxClockSkew}.
     */
    public Charger(DynamoDbAsyncClient client, String table, int cacheEntries, int maxAttempts, Backoff backoff,
                   Duration maxClockSkew) {
        this.client = client;
        this.table = table;
        this.cache = new BucketCache(cacheEntries);
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.skew = new ClockSkew(maxClockSkew);
        this.cascade = new CascadeCharger(client, table, cache, this);
    }

    /**
     * Admits and writes every charge of {@code request}, or none; fails with
     * {@link dev.limiter.ClockSkewException} without writing while this clock runs too far ahead.
     */
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        return Futures.guard(() -> skew.exceeded() ? probeThenCharge(request) : gated(request));
    }

    /** Charges behind this process's transactions on the same items (see {@link TransactionGate}). */
    private CompletableFuture<ChargeOutcome> gated(ChargeRequest request) {
        if (request.buckets().size() == 1) {
            return gate.behindTransactions(Keys.bucketPk(request.buckets().get(0).key()),
                    () -> attempt(request, guessedBranches(request), Round.FIRST));
        }
        // A cascade: queue behind this process's other transactions on the topmost ancestor (see the gate).
        String root = Keys.bucketPk(request.buckets().get(request.buckets().size() - 1).key());
        return gate.queue(root, () -> attempt(request, guessedBranches(request), Round.FIRST));
    }

    TransactionGate gate() {
        return gate;
    }

    /** How far ahead of DynamoDB's clock the stamping clock ran at the latest response, at least. */
    public Optional<Duration> clockAheadAtLeast() {
        return skew.aheadAtLeast();
    }

    /** Refreshes the clock estimate with one small read; charges if the clock is back within the bound. */
    private CompletableFuture<ChargeOutcome> probeThenCharge(ChargeRequest request) {
        GetItemRequest probe = GetItemRequest.builder().tableName(table)
                .key(Keys.bucket(request.buckets().get(0).key()).toAttributes())
                .projectionExpression(Attributes.PK).build();
        return Unavailable.map("GetItem", table, client.getItem(probe), response -> {
            skew.observe(request.nowNanos(), response.sdkHttpResponse());
            return skew.exceeded() ? CompletableFuture.<ChargeOutcome>failedFuture(skew.refusal())
                    : gated(request);
        }).thenCompose(Function.identity());
    }

    ClockSkew skew() {
        return skew;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    Backoff backoff() {
        return backoff;
    }

    BucketCache cache() {
        return cache;
    }

    CompletableFuture<ChargeOutcome> attempt(ChargeRequest request, Map<BucketKey, Map<String, Branch>> branches,
                                             Round round) {
        List<ChargeWrite> writes = new ArrayList<>(request.buckets().size());
        String token = WriteTokens.acquire(request.leaseId());
        long now = request.nowNanos();
        for (BucketCharge bucket : request.buckets()) {
            ItemKey key = Keys.bucket(bucket.key());
            Optional<BucketState> known = cache.get(key.pk());
            writes.add(ChargeWrite.plan(bucket, key, branches.get(bucket.key()), now, token,
                    Ttl.epochSeconds(bucket, known, now), known.orElse(BucketState.EMPTY),
                    cache.recentTokens(key.pk(), now)));
        }
        if (writes.size() > 1) {
            return cascade.attempt(request, writes, branches, round);
        }
        ChargeWrite write = writes.get(0);
        return client.updateItem(write.toUpdateItem(table))
                .whenComplete((response, failure) -> observeClock(request, response, failure))
                .handle((response, failure) -> failure == null
                        ? CompletableFuture.completedFuture(granted(request, write, branches, response))
                        : resolveSingle(request, write, branches, failure, round))
                .thenCompose(Function.identity());
    }

    /** Feeds the clock estimate from the response of a write stamped by the request. */
    void observeClock(ChargeRequest request, DynamoDbResponse response, Throwable failure) {
        if (failure == null) {
            skew.observe(request.nowNanos(), response.sdkHttpResponse());
        } else {
            skew.observeFailure(request.nowNanos(), failure);
        }
    }

    private ChargeOutcome granted(ChargeRequest request, ChargeWrite write,
                                  Map<BucketKey, Map<String, Branch>> branches, UpdateItemResponse response) {
        BucketState state = BucketItems.decode(response.attributes());
        cache.observe(write.pk(), state, busyBefore(branches.get(write.bucket().key())),
                RecentTokens.count(response.attributes()), request.nowNanos());
        return new ChargeOutcome(true, List.of(new BucketSnapshot(write.bucket().key(), state)));
    }

    private CompletableFuture<ChargeOutcome> resolveSingle(ChargeRequest request, ChargeWrite write,
                                                           Map<BucketKey, Map<String, Branch>> branches,
                                                           Throwable failure, Round round) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof ConditionalCheckFailedException conditionFailed) {
            Map<String, AttributeValue> old = conditionFailed.hasItem() ? conditionFailed.item() : Map.of();
            return resolveConflict(request, Map.of(write.bucket().key(), old), Map.of(), round);
        }
        WriteFailure kind = WriteFailure.of(cause);
        if (kind.isTransient()) {
            return retryTransient(request, branches, round, kind, List.of(write.bucket().key()), cause);
        }
        if (WriteFailure.isInvalidForItem(cause)) {
            cache.forget(write.pk());
        }
        return CompletableFuture.failedFuture(Unavailable.translate("UpdateItem", table, cause));
    }

    /**
     * Resends after DynamoDB refused the write for a transient reason {@code kind}, after a backoff, within the
     * budget. Past it, throttling rejects the request for the {@code throttled} keys with a retry-after of the next
     * step; a conflict that outlasts the budget makes DynamoDB unavailable.
     */
    CompletableFuture<ChargeOutcome> retryTransient(ChargeRequest request, Map<BucketKey, Map<String, Branch>> branches,
                                                    Round round, WriteFailure kind, List<BucketKey> throttled,
                                                    Throwable cause) {
        int next = round.retry() + 1;
        if (backoff.allows(kind, next)) {
            return backoff.retry(kind, next, () -> attempt(request, branches, round.nextRetry()));
        }
        if (kind == WriteFailure.THROTTLED) {
            Duration retryAfter = Duration.ofNanos(backoff.stepNanos(kind, next));
            List<Throttle> throttles = new ArrayList<>(throttled.size());
            throttled.forEach(key -> throttles.add(new Throttle(key, WriteFailure.KEY_WRITE_RATE, retryAfter)));
            return CompletableFuture.completedFuture(ChargeOutcome.throttled(known(request), throttles));
        }
        return CompletableFuture.failedFuture(Unavailable.held(table,
                request.buckets().stream().map(BucketCharge::key).toList(), round.retry(),
                backoff.budget(), cause));
    }

    /** The buckets of {@code request} as this process last saw them. */
    private List<BucketSnapshot> known(ChargeRequest request) {
        List<BucketSnapshot> snapshots = new ArrayList<>(request.buckets().size());
        for (BucketCharge bucket : request.buckets()) {
            snapshots.add(new BucketSnapshot(bucket.key(),
                    cache.get(Keys.bucketPk(bucket.key())).orElse(BucketState.EMPTY)));
        }
        return snapshots;
    }

    /**
     * Decides after failed conditions. {@code failed} holds the old image of each bucket whose condition failed;
     * {@code passed} the branches of buckets (of a transaction) whose conditions held.
     */
    CompletableFuture<ChargeOutcome> resolveConflict(ChargeRequest request, Map<BucketKey, Map<String, AttributeValue>> failed,
                                                     Map<BucketKey, Map<String, Branch>> passed, Round round) {
        long now = request.nowNanos();
        String token = WriteTokens.acquire(request.leaseId());
        boolean duplicate = failed.values().stream().anyMatch(item -> RecentTokens.recorded(item, token));
        List<BucketSnapshot> observed = new ArrayList<>();
        Map<BucketKey, Map<String, Branch>> exact = new HashMap<>(passed);
        boolean admitted = true;
        for (BucketCharge bucket : request.buckets()) {
            String pk = Keys.bucketPk(bucket.key());
            Map<String, AttributeValue> item = failed.get(bucket.key());
            BucketState state = item != null ? BucketItems.decode(item) : cache.get(pk).orElse(BucketState.EMPTY);
            if (item != null) {
                cache.observe(pk, state, busyNames(state, now), RecentTokens.count(item), now);
                Map<String, Branch> branches = new HashMap<>();
                for (LimitCharge charge : bucket.charges()) {
                    admitted &= state.stateFor(charge.limit(), now).admits(charge.tokens(), now);
                    branches.put(charge.limit().name(), state.find(charge.limit().name())
                            .map(s -> BucketCache.branchFromExact(s, charge.limit(), charge.tokens(), now))
                            .orElse(Branch.IDLE));
                }
                exact.put(bucket.key(), branches);
            }
            observed.add(new BucketSnapshot(bucket.key(), state));
        }
        if (duplicate) {
            return CompletableFuture.completedFuture(new ChargeOutcome(true, observed));
        }
        if (!admitted) {
            return CompletableFuture.completedFuture(new ChargeOutcome(false, observed));
        }
        if (round.attempt() >= maxAttempts) {
            return CompletableFuture.failedFuture(Unavailable.contention(table, round.attempt()));
        }
        return attempt(request, exact, round.nextAttempt());
    }

    /** Names of limits a successful write found busy: the ones it charged with the busy branch. */
    static Set<String> busyBefore(Map<String, Branch> branches) {
        Set<String> busy = new HashSet<>();
        branches.forEach((name, branch) -> {
            if (branch instanceof Branch.Busy) {
                busy.add(name);
            }
        });
        return busy;
    }

    /** Names of limits whose TAT is ahead of {@code nowNanos} in {@code state}. */
    static Set<String> busyNames(BucketState state, long nowNanos) {
        Set<String> busy = new HashSet<>();
        state.limits().forEach(limit -> {
            if (limit.tatNanos() > nowNanos) {
                busy.add(limit.limit().name());
            }
        });
        return busy;
    }

    private Map<BucketKey, Map<String, Branch>> guessedBranches(ChargeRequest request) {
        Map<BucketKey, Map<String, Branch>> branches = new HashMap<>();
        for (BucketCharge bucket : request.buckets()) {
            String pk = Keys.bucketPk(bucket.key());
            Map<String, Branch> perLimit = new HashMap<>();
            for (LimitCharge charge : bucket.charges()) {
                perLimit.put(charge.limit().name(),
                        cache.branchFor(pk, charge.limit(), charge.tokens(), request.nowNanos()));
            }
            branches.put(bucket.key(), perLimit);
        }
        return branches;
    }
}
