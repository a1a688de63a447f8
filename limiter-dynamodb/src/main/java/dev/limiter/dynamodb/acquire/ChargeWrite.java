package dev.limiter.dynamodb.acquire;

import dev.limiter.Limit;
import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.LimitCharge;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.BucketItems;
import dev.limiter.dynamodb.schema.ItemKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conditional write that charges every limit of one bucket, in the branches chosen for it; see the package
 * documentation for the expressions. It also drops from the item up to {@link #MAX_DROPPED} stored limits that are
 * no longer configured, each only on the condition that it is full (then dropping it loses nothing but its counter).
 */
final class ChargeWrite {

    /** Limits dropped per write at most, so that the expressions stay bounded; see {@link Limit#MAX_PER_BUCKET}. */
    static final int MAX_DROPPED = 8;

    private final BucketCharge bucket;
    private final ItemKey key;
    private final long nowNanos;
    private final Expression expression = new Expression();
    private final Set<String> dropped = new HashSet<>();

    private ChargeWrite(BucketCharge bucket, ItemKey key, long nowNanos) {
        this.bucket = bucket;
        this.key = key;
        this.nowNanos = nowNanos;
    }

    /**
     * Plans the write charging {@code bucket}, whose item is {@code key}, with one branch per limit name, tagged with
     * {@code token}; {@code knownRecent} is how many recent tokens the writer last saw in the item (0 if unknown).
     * {@code known} is the bucket as last seen; its full limits that are no longer configured are dropped.
     */
    static ChargeWrite plan(BucketCharge bucket, ItemKey key, Map<String, Branch> branches, long nowNanos,
                            String token, long ttlEpochSeconds, BucketState known, int knownRecent) {
        ChargeWrite write = new ChargeWrite(bucket, key, nowNanos);
        for (LimitCharge charge : bucket.charges()) {
            write.addCharge(charge, branches.get(charge.limit().name()));
        }
        int dropped = 0;
        for (LimitState stored : known.limits()) {
            if (dropped < MAX_DROPPED && !bucket.configured().contains(stored.limit().name())
                    && stored.tatNanos() <= nowNanos) {
                write.drop(stored.limit().name());
                dropped++;
            }
        }
        Expression e = write.expression;
        e.stampToken(token, knownRecent);
        e.set(e.name(Attributes.TTL) + " = " + e.number(ttlEpochSeconds));
        return write;
    }

    BucketCharge bucket() {
        return bucket;
    }

    /** The partition key of the bucket's item, which keys the bucket cache. */
    String pk() {
        return key.pk();
    }

    UpdateItemRequest toUpdateItem(String table) {
        return expression.toUpdateItem(table, key);
    }

    Update toTransactUpdate(String table) {
        return expression.toTransactUpdate(table, key);
    }

    /**
     * The bucket as this write leaves it, as far as the writer can tell without an image: exact for idle and
     * reconcile branches, a lower bound of the TAT for busy ones (other writers may have added more); without the
     * limits it dropped.
     */
    BucketState predictedAfter(BucketState before) {
        BucketState after = before;
        for (LimitCharge charge : bucket.charges()) {
            LimitState state = before.stateFor(charge.limit(), nowNanos);
            after = after.with(state.charge(charge.costNanos(), charge.tokens(), nowNanos));
        }
        if (dropped.isEmpty()) {
            return after;
        }
        List<LimitState> kept = new ArrayList<>(after.limits());
        kept.removeIf(state -> dropped.contains(state.limit().name()));
        return new BucketState(kept);
    }

    /**
     * Removes limit {@code name} if it is still full: another writer may have charged it since this writer looked,
     * and then the condition fails and the old image gives the exact state for the next attempt.
     */
    private void drop(String name) {
        Expression e = expression;
        String tat = e.name(Attributes.tat(name));
        e.condition("attribute_not_exists(" + tat + ") OR " + tat + " <= " + now(e));
        e.remove(tat);
        e.remove(e.name(Attributes.params(name)));
        e.remove(e.name(Attributes.consumed(name)));
        dropped.add(name);
    }

    private String now(Expression e) {
        return e.shared(":now", AttributeValue.fromN(Long.toString(nowNanos)));
    }

    private void addCharge(LimitCharge charge, Branch branch) {
        Expression e = expression;
        String name = charge.limit().name();
        String tat = e.name(Attributes.tat(name));
        String params = e.name(Attributes.params(name));
        String newParams = e.value(AttributeValue.fromS(BucketItems.encodeParams(charge.limit())));
        long cost = charge.costNanos();
        if (branch instanceof Branch.Busy) {
            long latest = nowNanos + charge.limit().slackNanos(charge.tokens());
            e.condition(tat + " BETWEEN " + now(e) + " AND " + e.number(latest));
            e.condition(params + " = " + newParams);
            e.set(tat + " = " + tat + " + " + e.number(cost));
        } else if (branch instanceof Branch.Reconcile reconcile) {
            LimitState stored = reconcile.stored();
            long newTat = stored.reconcile(charge.limit(), nowNanos).charge(cost, 0, nowNanos).tatNanos();
            e.condition(tat + " = " + e.number(stored.tatNanos()));
            e.condition(params + " = " + e.value(AttributeValue.fromS(BucketItems.encodeParams(stored.limit()))));
            e.set(tat + " = " + e.number(newTat));
            e.set(params + " = " + newParams);
        } else {
            e.condition("attribute_not_exists(" + tat + ") OR " + tat + " <= " + now(e));
            e.set(tat + " = " + e.number(nowNanos + cost));
            e.set(params + " = " + newParams);
        }
        e.add(e.name(Attributes.consumed(name)) + " " + e.number(charge.tokens()));
    }
}
