package dev.limiter.dynamodb.testkit;

import dev.limiter.dynamodb.schema.Attributes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Classifies the outcome of every single-item charge ({@code UpdateItem}) of one limit by cause, so that a
 * contention test can count requests by why they were made rather than assert a ratio that depends on the server's
 * speed. A failed condition is an <em>inversion</em> when the branch the writer chose disagrees with the old image
 * at the write's {@code :now}: the busy branch ({@code BETWEEN}) found the bucket idle, or the idle branch found it
 * busy. Only an inversion can justify another attempt; any other failed condition is a rejection. Thread-safe.
 */
public final class ConditionOutcomes implements ExecutionInterceptor {

    private final String tatAttribute;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong inversions = new AtomicLong();
    private final AtomicLong rejections = new AtomicLong();
    private final AtomicLong otherFailures = new AtomicLong();

    /** Classifies charges of limit {@code limitName}. */
    public ConditionOutcomes(String limitName) {
        this.tatAttribute = Attributes.tat(limitName);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof UpdateItemRequest) {
            applied.incrementAndGet();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof UpdateItemRequest update)) {
            return;
        }
        if (!(context.exception() instanceof ConditionalCheckFailedException failed)) {
            otherFailures.incrementAndGet();
            return;
        }
        AttributeValue now = update.expressionAttributeValues().get(":now");
        Map<String, AttributeValue> old = failed.hasItem() ? failed.item() : Map.of();
        AttributeValue tat = old.get(tatAttribute);
        boolean busyBranch = update.conditionExpression().contains(" BETWEEN ");
        boolean busyItem = tat != null && now != null && Long.parseLong(tat.n()) > Long.parseLong(now.n());
        (busyBranch != busyItem ? inversions : rejections).incrementAndGet();
    }

    /** Clears the counts. */
    public void clear() {
        applied.set(0);
        inversions.set(0);
        rejections.set(0);
        otherFailures.set(0);
    }

    /** Charges DynamoDB applied. */
    public long applied() {
        return applied.get();
    }

    /** Failed conditions whose branch disagreed with the old image (the bucket crossed idle/busy meanwhile). */
    public long inversions() {
        return inversions.get();
    }

    /** Failed conditions whose branch agreed with the old image: the bucket had no room. */
    public long rejections() {
        return rejections.get();
    }

    /** Charges that failed for any other reason (throttling, 5xx, timeouts), after the SDK's retries. */
    public long otherFailures() {
        return otherFailures.get();
    }
}
