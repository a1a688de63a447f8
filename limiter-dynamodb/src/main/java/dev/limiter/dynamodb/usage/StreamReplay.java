package dev.limiter.dynamodb.usage;

import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.internal.Require;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-reads the range of a {@link FailedBatch} from the stream while the stream still holds it, and applies it with a
 * {@link UsageAggregator}. Records applied before (by the Lambda, an earlier replay, {@code limiter aggregate}) are
 * skipped by the snapshots' applied runs, so a replay is safe to repeat and never counts twice. When the stream no
 * longer holds the range, or only its end, the result says so: a failure record is only a pointer, and the usage
 * of trimmed records is gone from the stream for good.
 *
 * <p>IAM actions on the stream: {@code dynamodb:GetShardIterator}, {@code dynamodb:GetRecords}. Blocking, on a sync
 * {@link DynamoDbStreamsClient}. Thread-safe if the aggregator is.
 */
public final class StreamReplay {

    /** How long DynamoDB Streams keeps a record. */
    public static final Duration STREAM_RETENTION = Duration.ofHours(24);

    /** Most {@code GetRecords} calls per replay: 1,000 records each, far more than one batch of 10,000. */
    private static final int MAX_CALLS = 200;
    private static final int RECORDS_PER_CALL = 1000;

    private final DynamoDbStreamsClient streams;
    private final UsageAggregator aggregator;

    private StreamReplay(DynamoDbStreamsClient streams, UsageAggregator aggregator) {
        this.streams = streams;
        this.aggregator = aggregator;
    }

    /** A replay reading through {@code streams} (the caller keeps owning it) into {@code aggregator}. */
    public static StreamReplay create(DynamoDbStreamsClient streams, UsageAggregator aggregator) {
        return new StreamReplay(Require.nonNull("streams", streams), Require.nonNull("aggregator", aggregator));
    }

    /**
     * Reads {@code batch}'s range and applies it.
     *
     * @throws RateLimiterUnavailableException if DynamoDB Streams cannot be reached after the client's retries
     */
    public ReplayResult replay(FailedBatch batch) {
        Require.nonNull("batch", batch);
        try {
            return read(batch);
        } catch (SdkException e) {
            throw new RateLimiterUnavailableException("replaying shard " + batch.shardId() + " of stream "
                    + batch.streamArn() + " failed: " + e.getMessage(), e);
        }
    }

    private ReplayResult read(FailedBatch batch) {
        String iterator;
        boolean trimmed = false;
        try {
            iterator = iterator(batch, ShardIteratorType.AT_SEQUENCE_NUMBER);
        } catch (TrimmedDataAccessException gone) {
            trimmed = true;
            iterator = iteratorOrNull(batch);
        } catch (ResourceNotFoundException gone) {
            iterator = null;
        }
        if (iterator == null) {
            return lost(batch, "shard " + batch.shardId() + " is no longer in the stream (a shard disappears once "
                    + "its records are past the " + STREAM_RETENTION.toHours() + " h retention)");
        }
        Range range = new Range(batch.start(), batch.end());
        for (int call = 0; call < MAX_CALLS && !range.done && iterator != null; call++) {
            GetRecordsResponse page = streams.getRecords(GetRecordsRequest.builder().shardIterator(iterator)
                    .limit(RECORDS_PER_CALL).build());
            page.records().forEach(range::offer);
            iterator = page.nextShardIterator();
        }
        return result(batch, range, trimmed, iterator == null);
    }

    private ReplayResult result(FailedBatch batch, Range range, boolean trimmed, boolean shardEnded) {
        if (trimmed && range.records.isEmpty()) {
            return lost(batch, "every record of the range is past the stream's " + STREAM_RETENTION.toHours()
                    + " h retention");
        }
        AggregationResult applied = apply(range.records);
        if (trimmed) {
            return new ReplayResult(batch, ReplayResult.Status.PARTLY_LOST, range.records.size(), applied,
                    "records from " + batch.startSequenceNumber() + " up to before " + sequenceOf(range.records.get(0))
                            + " are past the stream's retention; their usage is not in the snapshots");
        }
        if (!range.done && !shardEnded) {
            return new ReplayResult(batch, ReplayResult.Status.INCOMPLETE, range.records.size(), applied,
                    "the end of the range (" + batch.endSequenceNumber() + ") was not reached in " + MAX_CALLS
                            + " pages; replay again to continue (applied records are skipped)");
        }
        return new ReplayResult(batch, ReplayResult.Status.REPLAYED, range.records.size(), applied, "");
    }

    private AggregationResult apply(List<Record> records) {
        List<StreamChange> changes = new ArrayList<>();
        List<RecordFailure> malformed = new ArrayList<>();
        for (Record record : records) {
            try {
                changes.add(RecordConversion.toChange(record));
            } catch (RuntimeException e) {
                malformed.add(new RecordFailure(RecordConversion.sequenceOf(record),
                        "record does not convert: " + e.getMessage() + "; the records after it were not applied: "
                                + "replay again from it once it reads"));
                break; // applied runs assume a contiguous stretch: nothing after a hole
            }
        }
        return aggregator.apply(changes).plus(new AggregationResult(malformed.size(), 0, 0, 0, 0, 0, 0, malformed));
    }

    private static ReplayResult lost(FailedBatch batch, String why) {
        return new ReplayResult(batch, ReplayResult.Status.LOST, 0, AggregationResult.empty(),
                "records " + batch.startSequenceNumber() + " to " + batch.endSequenceNumber() + " of shard "
                        + batch.shardId() + " (" + batch.batchSize() + " records, first written around "
                        + batch.approximateFirstArrival() + ") cannot be re-read: " + why + ". Their usage is missing "
                        + "from the snapshots and the stream cannot restore it.");
    }

    private String iterator(FailedBatch batch, ShardIteratorType type) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder().streamArn(batch.streamArn())
                .shardId(batch.shardId()).shardIteratorType(type);
        if (type == ShardIteratorType.AT_SEQUENCE_NUMBER) {
            request.sequenceNumber(batch.startSequenceNumber());
        }
        return streams.getShardIterator(request.build()).shardIterator();
    }

    private String iteratorOrNull(FailedBatch batch) {
        try {
            return iterator(batch, ShardIteratorType.TRIM_HORIZON);
        } catch (ResourceNotFoundException gone) {
            return null;
        }
    }

    private static String sequenceOf(Record record) {
        return RecordConversion.sequenceOf(record);
    }

    /** The records of the range seen so far, and whether a record past its end was seen. Not thread-safe. */
    private static final class Range {
        private final BigInteger start;
        private final BigInteger end;
        private final List<Record> records = new ArrayList<>();
        private boolean done;

        Range(BigInteger start, BigInteger end) {
            this.start = start;
            this.end = end;
        }

        void offer(Record record) {
            if (done || record.dynamodb() == null || record.dynamodb().sequenceNumber() == null) {
                return;
            }
            BigInteger sequence = new BigInteger(record.dynamodb().sequenceNumber());
            if (sequence.compareTo(end) > 0) {
                done = true;
            } else if (sequence.compareTo(start) >= 0) {
                records.add(record);
                done = sequence.equals(end);
            }
        }
    }
}
