package dev.limiter.dynamodb.acquire;

import dev.limiter.Limit;
import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.LimitAdjustment;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.BucketItems;
import dev.limiter.dynamodb.schema.ItemKey;
import dev.limiter.internal.Arithmetic;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Optional;

/**
 * The write that settles one bucket of a lease: charges (debt allowed, so no upper bound but the backlog cap) and
 * refunds (a plain subtraction). Written against the parameters stored in the bucket: if the configuration changed
 * since the lease was granted, costs are recomputed under the stored parameters, rounding against the lease.
 */
final class SettleWrite {

    private final BucketAdjustment bucket;
    private final ItemKey key;
    private final long nowNanos;
    private final Expression expression = new Expression();
    private int changes;
    private long longestBacklog;

    private SettleWrite(BucketAdjustment bucket, ItemKey key, long nowNanos) {
        this.bucket = bucket;
        this.key = key;
        this.nowNanos = nowNanos;
    }

    /**
     * Plans the settlement of {@code bucket}, whose item is {@code key}. {@code known} is the bucket as last seen: an
     * exact old image after a failed attempt ({@code exact}), else this process's cache or nothing;
     * {@code knownRecent} is how many recent tokens the writer last saw in the item (0 if unknown).
     */
    static SettleWrite plan(BucketAdjustment bucket, ItemKey key, BucketState known, boolean exact, long nowNanos,
                            String token, int knownRecent) {
        SettleWrite write = new SettleWrite(bucket, key, nowNanos);
        for (LimitAdjustment adjustment : bucket.adjustments()) {
            write.addAdjustment(adjustment, known.find(adjustment.limit().name()), exact);
        }
        Expression e = write.expression;
        e.stampToken(token, knownRecent);
        if (write.longestBacklog > 0) {
            e.set(e.name(Attributes.TTL) + " = " + e.number(Ttl.afterNanos(nowNanos, write.longestBacklog)));
        }
        return write;
    }

    /** Whether the write changes anything (refunds to a bucket that no longer exists do not). */
    boolean isEmpty() {
        return changes == 0;
    }

    BucketAdjustment bucket() {
        return bucket;
    }

    UpdateItemRequest toUpdateItem(String table) {
        return expression.toUpdateItem(table, key);
    }

    /** The same write as an action of a transaction. */
    Update toTransactUpdate(String table) {
        return expression.toTransactUpdate(table, key);
    }

    /** The partition key of the bucket's item. */
    String pk() {
        return key.pk();
    }

    private void addAdjustment(LimitAdjustment adjustment, Optional<LimitState> stored, boolean exact) {
        if (adjustment.tokens() < 0 && stored.isEmpty() && exact) {
            return; // the bucket is gone, so it is full: there is nothing left to refund
        }
        Limit limit = stored.map(LimitState::limit).orElse(adjustment.limit());
        long cost = costUnder(limit, adjustment);
        Expression e = expression;
        String tat = e.name(Attributes.tat(limit.name()));
        String params = e.name(Attributes.params(limit.name()));
        String paramsValue = e.value(AttributeValue.fromS(BucketItems.encodeParams(limit)));
        if (adjustment.tokens() < 0) {
            e.condition(params + " = " + paramsValue);
            e.set(tat + " = " + tat + " - " + e.number(cost));
        } else if (stored.isPresent() && stored.get().tatNanos() > nowNanos) {
            long highest = nowNanos + LimitState.MAX_BACKLOG_NANOS - cost;
            e.condition(tat + " BETWEEN " + now(e) + " AND " + e.number(highest));
            e.condition(params + " = " + paramsValue);
            e.set(tat + " = " + tat + " + " + e.number(cost));
            longestBacklog = Math.max(longestBacklog, stored.get().backlogNanos(nowNanos) + cost);
        } else {
            e.condition("attribute_not_exists(" + tat + ") OR " + tat + " <= " + now(e));
            e.set(tat + " = " + e.number(nowNanos + cost));
            e.set(params + " = " + paramsValue);
            longestBacklog = Math.max(longestBacklog, cost);
        }
        e.add(e.name(Attributes.consumed(limit.name())) + " " + e.number(adjustment.tokens()));
        changes++;
    }

    private String now(Expression e) {
        return e.shared(":now", AttributeValue.fromN(Long.toString(nowNanos)));
    }

    private static long costUnder(Limit stored, LimitAdjustment adjustment) {
        long cost;
        if (stored.sameParameters(adjustment.limit())) {
            cost = adjustment.costNanos();
        } else if (adjustment.tokens() > 0) {
            cost = stored.costNanos(adjustment.tokens());
        } else {
            cost = Arithmetic.mulDivFloor(-adjustment.tokens(), stored.periodNanos(), stored.refillAmount());
        }
        return Math.min(cost, LimitState.MAX_BACKLOG_NANOS / 2);
    }
}
