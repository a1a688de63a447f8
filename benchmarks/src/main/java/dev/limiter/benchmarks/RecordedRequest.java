package dev.limiter.benchmarks;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP attempt of a DynamoDB client, as {@link RequestLog} saw it: the operation and the primary keys of the
 * items it reads or writes.
 *
 * @param operation the operation name, for example {@code UpdateItem}
 * @param keys the primary key of every item the request addresses, in request order
 * @param consistentRead whether a read asked for strong consistency (false for writes)
 */
record RecordedRequest(String operation, List<Map<String, AttributeValue>> keys, boolean consistentRead) {

    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");

    RecordedRequest {
        keys = List.copyOf(keys);
    }

    /** Whether the request reads (and so costs read units rather than write units). */
    boolean isRead() {
        return READS.contains(operation);
    }

    /** Whether the request is a transaction, whose writes cost two units per kilobyte per item. */
    boolean isTransaction() {
        return operation.startsWith("Transact");
    }
}
