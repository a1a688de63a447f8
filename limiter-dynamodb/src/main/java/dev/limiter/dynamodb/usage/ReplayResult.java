package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;

/**
 * What re-reading a {@link FailedBatch} did.
 *
 * @param batch          the batch
 * @param status         whether every record was found again
 * @param recordsRead    records of the batch's range read from the stream and applied
 * @param aggregation    what the aggregator did with them (records applied before are skipped, never doubled)
 * @param lost           what is lost, in words, for the operator; empty when nothing is
 */
public record ReplayResult(FailedBatch batch, Status status, int recordsRead, AggregationResult aggregation,
                           String lost) {

    /** How a replay ended. */
    public enum Status {
        /** The whole range was still in the stream and was applied. */
        REPLAYED,
        /** The start of the range had been trimmed (24 h retention); what remained was applied. */
        PARTLY_LOST,
        /** Nothing of the range is left in the stream; its usage cannot be recovered from it. */
        LOST,
        /** The end of the range was not reached within the replay's page budget; run it again. */
        INCOMPLETE
    }

    /** Checks that no field is null. */
    public ReplayResult {
        Require.nonNull("batch", batch);
        Require.nonNull("status", status);
        Require.nonNull("aggregation", aggregation);
        Require.nonNull("lost", lost);
    }

    /** Whether every record of the batch was found and applied without failure. */
    public boolean complete() {
        return status == Status.REPLAYED && !aggregation.hasFailures();
    }
}
