package dev.limiter.cli.usage;

import dev.limiter.dynamodb.usage.AggregationResult;
import dev.limiter.dynamodb.usage.PollResult;
import dev.limiter.dynamodb.usage.RecordFailure;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run of {@code limiter aggregate} did so far: polls, records and the aggregator's counts summed, the
 * records abandoned, and whether the last poll caught up. Written by the polling thread only; not thread-safe.
 */
final class AggregateTally {

    private int polls;
    private long records;
    private long counted;
    private long snapshotsWritten;
    private long duplicatesSkipped;
    private long failures;
    private boolean caughtUp;
    private final List<RecordFailure> abandoned = new ArrayList<>();

    /** Adds one poll's result. */
    void add(PollResult poll) {
        AggregationResult aggregation = poll.aggregation();
        polls++;
        records += poll.records();
        counted += aggregation.counted();
        snapshotsWritten += aggregation.snapshotsWritten();
        duplicatesSkipped += aggregation.snapshotsAlreadyApplied();
        failures += aggregation.failures().size();
        abandoned.addAll(poll.abandoned());
        caughtUp = poll.caughtUp();
    }

    int polls() {
        return polls;
    }

    long records() {
        return records;
    }

    long counted() {
        return counted;
    }

    long snapshotsWritten() {
        return snapshotsWritten;
    }

    long duplicatesSkipped() {
        return duplicatesSkipped;
    }

    /** Failed applications of records, each retried by a later poll until it succeeds or is abandoned. */
    long failures() {
        return failures;
    }

    /** Whether the last poll read every shard to its end with nothing left to retry. */
    boolean caughtUp() {
        return caughtUp;
    }

    /** The records given up on, in the order they were abandoned. */
    List<RecordFailure> abandoned() {
        return List.copyOf(abandoned);
    }
}
