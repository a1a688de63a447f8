package dev.limiter.dynamodb.testkit;

import dev.limiter.dynamodb.schema.Attributes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts HTTP attempts per bucket entity: an {@code UpdateItem} counts for the entity of its key, a
 * {@code TransactWriteItems} for the entity of each item it writes, so that a test can compare one bucket's requests
 * with that bucket's acquires while other buckets run beside it. Bucket keys are {@code namespace#B#entity#resource}.
 * Also tracks the requests in flight. Thread-safe.
 */
final class BucketRequests implements ExecutionInterceptor {

    private final Map<String, LongAdder> perEntity = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private int inFlight;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        synchronized (lock) {
            inFlight++;
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finished();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finished();
    }

    /**
     * Waits until no request is in flight: a return the tier sent without waiting for it has then landed (or
     * failed), so the allowances a paused worker reports are what the table holds for it.
     */
    void awaitIdle() throws InterruptedException {
        synchronized (lock) {
            while (inFlight > 0) {
                lock.wait();
            }
        }
    }

    private void finished() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof UpdateItemRequest update) {
            count(update.key());
        } else if (context.request() instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.update() != null) {
                    count(item.update().key());
                }
            }
        }
    }

    /** Forgets what was counted so far. */
    void clear() {
        perEntity.clear();
    }

    /** Requests so far per bucket entity. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        perEntity.forEach((entity, n) -> counts.put(entity, n.sum()));
        return counts;
    }

    private void count(Map<String, AttributeValue> key) {
        AttributeValue pk = key.get(Attributes.PK);
        String[] parts = pk == null || pk.s() == null ? new String[0] : pk.s().split("#");
        if (parts.length >= 3 && parts[1].equals("B")) {
            perEntity.computeIfAbsent(parts[2], k -> new LongAdder()).increment();
        }
    }
}
