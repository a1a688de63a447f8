package dev.limiter.benchmarks;

import dev.limiter.dynamodb.schema.Attributes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records every HTTP attempt a DynamoDB client makes (SDK retries included), with the operation name and the keys
 * of the items it addresses, so {@link Bill} can price them by the size of those items.
 *
 * <p>Thread-safe: attempts are appended under a private lock.
 */
final class RequestLog implements ExecutionInterceptor {

    private final Object lock = new Object();
    private final List<RecordedRequest> requests = new ArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        RecordedRequest recorded = record(operation, context.request());
        synchronized (lock) {
            requests.add(recorded);
        }
    }

    /** Returns what was recorded since the last call and forgets it. */
    List<RecordedRequest> drain() {
        synchronized (lock) {
            List<RecordedRequest> drained = List.copyOf(requests);
            requests.clear();
            return drained;
        }
    }

    private static RecordedRequest record(String operation, SdkRequest request) {
        if (request instanceof UpdateItemRequest update) {
            return new RecordedRequest(operation, List.of(update.key()), false);
        }
        if (request instanceof GetItemRequest get) {
            return new RecordedRequest(operation, List.of(get.key()), Boolean.TRUE.equals(get.consistentRead()));
        }
        if (request instanceof PutItemRequest put) {
            return new RecordedRequest(operation, List.of(keyOf(put.item())), false);
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (TransactWriteItem item : transaction.transactItems()) {
                keys.add(keyOf(item));
            }
            return new RecordedRequest(operation, keys, false);
        }
        return new RecordedRequest(operation, List.of(), false);
    }

    private static Map<String, AttributeValue> keyOf(TransactWriteItem item) {
        if (item.update() != null) {
            return item.update().key();
        }
        if (item.conditionCheck() != null) {
            return item.conditionCheck().key();
        }
        if (item.delete() != null) {
            return item.delete().key();
        }
        return keyOf(item.put().item());
    }

    /** The primary key of a whole item being put. */
    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(Attributes.PK, item.get(Attributes.PK), Attributes.SK, item.get(Attributes.SK));
    }
}
