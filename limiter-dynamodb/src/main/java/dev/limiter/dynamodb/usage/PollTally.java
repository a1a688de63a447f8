package dev.limiter.dynamodb.usage;

import java.util.ArrayList;
import java.util.List;

/** Accumulates one poll's counts; not thread-safe, owned by the poll. */
final class PollTally {

    int shards;
    int calls;
    int records;
    boolean caughtUp = true;
    AggregationResult aggregation = AggregationResult.empty();
    final List<RecordFailure> abandoned = new ArrayList<>();

    PollResult toResult() {
        return new PollResult(shards, calls, records, aggregation, abandoned, caughtUp);
    }
}
