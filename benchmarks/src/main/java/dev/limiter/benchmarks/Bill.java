package dev.limiter.benchmarks;

import dev.limiter.dynamodb.schema.ItemSize;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What a sequence of DynamoDB requests costs on an on-demand table, by DynamoDB's rules: a write consumes one write
 * unit per started kilobyte of the item (the larger of its old and new image; they differ by a few bytes here), two
 * per kilobyte per item inside a transaction, and a failed conditional write is billed like a successful one; a
 * strongly consistent read consumes one read unit per started 4 KB (at least one, even for a missing item), an
 * eventually consistent one half that.
 *
 * @param requests HTTP requests, SDK retries included
 * @param reads read requests among them
 * @param writeUnits write units consumed
 * @param readUnits read units consumed
 * @param itemBytes the size of each distinct item written, in the order first written
 */
record Bill(long requests, long reads, double writeUnits, double readUnits, List<Integer> itemBytes) {

    /** On-demand price of a million write request units, us-east-1 (REFERENCE.md): $0.625. */
    static final double DOLLARS_PER_MILLION_WRITE_UNITS = 0.625;
    /** On-demand price of a million read request units, us-east-1 (REFERENCE.md): $0.125. */
    static final double DOLLARS_PER_MILLION_READ_UNITS = 0.125;

    private static final int READ_UNIT_BYTES = 4096;

    Bill {
        itemBytes = List.copyOf(itemBytes);
    }

    /** Prices {@code requests}, sizing each addressed item with {@code bytesOf} (0 for a missing item). */
    static Bill of(List<RecordedRequest> requests, ToIntFunction<Map<String, AttributeValue>> bytesOf) {
        Map<Map<String, AttributeValue>, Integer> sizes = new LinkedHashMap<>();
        Map<Map<String, AttributeValue>, Integer> written = new LinkedHashMap<>();
        long reads = 0;
        double writeUnits = 0;
        double readUnits = 0;
        for (RecordedRequest request : requests) {
            reads += request.isRead() ? 1 : 0;
            for (Map<String, AttributeValue> key : request.keys()) {
                int bytes = sizes.computeIfAbsent(key, bytesOf::applyAsInt);
                if (request.isRead()) {
                    readUnits += Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES)
                            * (request.consistentRead() ? 1.0 : 0.5);
                } else {
                    writeUnits += ItemSize.writeUnits(bytes) * (request.isTransaction() ? 2 : 1);
                    written.putIfAbsent(key, bytes);
                }
            }
        }
        return new Bill(requests.size(), reads, writeUnits, readUnits, new ArrayList<>(written.values()));
    }

    /** On-demand dollars for this bill repeated a million times. */
    double dollarsPerMillion() {
        return writeUnits * DOLLARS_PER_MILLION_WRITE_UNITS + readUnits * DOLLARS_PER_MILLION_READ_UNITS;
    }
}
