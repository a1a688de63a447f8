package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;

import java.util.List;

/**
 * What one {@link StreamPoller#pollOnce()} did.
 *
 * @param shards          shards read from
 * @param getRecordsCalls {@code GetRecords} requests made
 * @param records         stream records fetched (each is applied once; a failed one is retried by later polls)
 * @param aggregation     what the aggregator did with them, summed over the poll's batches; its failures will
 *                        be retried by the next poll
 * @param abandoned       records given up on after the poller's attempts per record, as a Lambda's on-failure
 *                        destination would receive them
 * @param caughtUp        whether every shard was read to its current end and nothing is left to retry
 */
public record PollResult(int shards, int getRecordsCalls, int records, AggregationResult aggregation,
                         List<RecordFailure> abandoned, boolean caughtUp) {

    /** Checks the fields and copies {@code abandoned}. */
    public PollResult {
        Require.nonNull("aggregation", aggregation);
        abandoned = List.copyOf(Require.nonNull("abandoned", abandoned));
    }

    /** Whether any record failed or was abandoned in this poll. */
    public boolean hasFailures() {
        return aggregation.hasFailures() || !abandoned.isEmpty();
    }
}
