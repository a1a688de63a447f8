package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;

/**
 * A stream record that could not be applied.
 *
 * @param sequenceNumber the record's sequence number, the item identifier of a Lambda batch item failure
 * @param reason         why, for logs: the parse error or the failed write's message
 */
public record RecordFailure(String sequenceNumber, String reason) {

    /** Checks that no field is null. */
    public RecordFailure {
        Require.nonNull("sequenceNumber", sequenceNumber);
        Require.nonNull("reason", reason);
    }
}
