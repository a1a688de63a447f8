package dev.limiter.dynamodb.usage;

import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.Sleeper;
import dev.limiter.internal.Require;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a table's stream through the DynamoDB Streams API and hands each page of records to a
 * {@link UsageAggregator}: the aggregator without Lambda, for {@code limiter aggregate [--follow]} and tests.
 *
 * <p>Every shard is read in order, a parent shard to its end before its children. A page whose records partly
 * failed is kept from the first failed record on and offered again by the next poll (the snapshots' applied runs
 * skip what was applied); a record failing {@link StreamPollerBuilder#maxAttemptsPerRecord} polls in a row is
 * abandoned and reported, as a Lambda's on-failure destination would receive it. Positions live in memory only: a
 * new poller starts at its {@link StartPosition}, which is safe because re-applied records are skipped.
 *
 * <p>IAM actions on the stream: {@code dynamodb:DescribeStream}, {@code dynamodb:GetShardIterator},
 * {@code dynamodb:GetRecords} (and {@code dynamodb:ListStreams} for {@link #latestStreamArn}).
 *
 * <p>Blocking, on a sync {@link DynamoDbStreamsClient}: reading a shard is sequential by nature and the poller
 * owns its thread. Calls are serialised, so the poller may be shared, but one thread should drive it.
 */
public final class StreamPoller {

    /** The IAM actions the poller calls on the stream. */
    public static final List<String> STREAM_ACTIONS = List.of(
            "dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords", "dynamodb:ListStreams");

    private final Object lock = new Object();
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final UsageAggregator aggregator;
    private final StartPosition startPosition;
    private final int recordsPerCall;
    private final int maxCallsPerShard;
    private final int maxAttemptsPerRecord;
    private final Sleeper sleeper;
    private final Map<String, ShardCursor> cursors = new HashMap<>();
    private boolean started;

    StreamPoller(StreamPollerBuilder builder) {
        this.streams = builder.streams();
        this.streamArn = builder.streamArn();
        this.aggregator = builder.aggregator();
        this.startPosition = builder.startPosition();
        this.recordsPerCall = builder.recordsPerCall();
        this.maxCallsPerShard = builder.maxCallsPerShard();
        this.maxAttemptsPerRecord = builder.maxAttemptsPerRecord();
        this.sleeper = builder.sleeper();
    }

    /** A builder for a poller of stream {@code streamArn}; the caller keeps owning {@code streams}. */
    public static StreamPollerBuilder builder(DynamoDbStreamsClient streams, String streamArn,
                                              UsageAggregator aggregator) {
        return new StreamPollerBuilder(streams, streamArn, aggregator);
    }

    /**
     * The ARN of the newest stream of table {@code tableName}, if it has one.
     *
     * @throws RateLimiterUnavailableException if DynamoDB Streams cannot be reached
     */
    public static Optional<String> latestStreamArn(DynamoDbStreamsClient streams, String tableName) {
        Optional<Stream> latest = Optional.empty();
        String start = null;
        try {
            do {
                ListStreamsResponse page = streams.listStreams(ListStreamsRequest.builder().tableName(tableName)
                        .exclusiveStartStreamArn(start).build());
                for (Stream stream : page.streams()) {
                    // Labels are creation timestamps in ISO-8601, so string order is age order.
                    if (latest.isEmpty() || stream.streamLabel().compareTo(latest.get().streamLabel()) > 0) {
                        latest = Optional.of(stream);
                    }
                }
                start = page.lastEvaluatedStreamArn();
            } while (start != null);
        } catch (SdkException e) {
            throw new RateLimiterUnavailableException("DynamoDB Streams ListStreams for table '" + tableName
                    + "' failed: " + e.getMessage(), e);
        }
        return latest.map(Stream::streamArn);
    }

    /**
     * Reads every shard up to its current end (at most {@link StreamPollerBuilder#maxCallsPerShard} pages each) and
     * applies the records, then returns.
     *
     * @throws RateLimiterUnavailableException if DynamoDB Streams cannot be reached after the client's retries
     */
    public PollResult pollOnce() {
        synchronized (lock) {
            try {
                return poll();
            } catch (SdkException e) {
                throw new RateLimiterUnavailableException("reading DynamoDB stream " + streamArn + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    /** {@link #follow(Duration, BooleanSupplier, Consumer)} without looking at each poll. */
    public int follow(Duration interval, BooleanSupplier stop) {
        return follow(interval, stop, poll -> { });
    }

    /**
     * Polls, hands the poll's result to {@code eachPoll}, stops if {@code stop} says so, else waits
     * {@code interval} (through the builder's {@link Sleeper}) and polls again. An interrupt stops the loop too,
     * with the thread's interrupt flag restored.
     *
     * @return how many polls were made
     * @throws RateLimiterUnavailableException if DynamoDB Streams cannot be reached after the client's retries
     */
    public int follow(Duration interval, BooleanSupplier stop, Consumer<PollResult> eachPoll) {
        Require.nonNull("interval", interval);
        Require.argument(!interval.isNegative(), "interval is " + interval + ": must not be negative");
        int polls = 0;
        while (true) {
            eachPoll.accept(pollOnce());
            polls++;
            if (stop.getAsBoolean()) {
                return polls;
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return polls;
            }
        }
    }

    private PollResult poll() {
        PollTally tally = new PollTally();
        List<Shard> shards = describe();
        boolean first = !started;
        started = true;
        Set<String> present = new LinkedHashSet<>();
        for (Shard shard : lineageOrder(shards)) {
            present.add(shard.shardId());
            ShardCursor cursor = cursors.computeIfAbsent(shard.shardId(), id -> newCursor(shard, first));
            ShardCursor parent = shard.parentShardId() == null ? null : cursors.get(shard.parentShardId());
            if (cursor.done()) {
                continue;
            }
            if (parent != null && !parent.done()) {
                tally.caughtUp = false; // a child's records come after all of its parent's
                continue;
            }
            tally.shards++;
            drain(cursor, tally);
        }
        cursors.keySet().removeIf(id -> !present.contains(id) && cursors.get(id).done());
        return tally.toResult();
    }

    private ShardCursor newCursor(Shard shard, boolean firstPoll) {
        if (startPosition == StartPosition.LATEST && firstPoll) {
            boolean closed = shard.sequenceNumberRange() != null
                    && shard.sequenceNumberRange().endingSequenceNumber() != null;
            return closed ? ShardCursor.skipped(shard.shardId())
                    : ShardCursor.startingAt(shard.shardId(), ShardIteratorType.LATEST);
        }
        // Shards that appear later are children of shards being read: they start at their beginning.
        return ShardCursor.startingAt(shard.shardId(), ShardIteratorType.TRIM_HORIZON);
    }

    private void drain(ShardCursor cursor, PollTally tally) {
        if (!applyPending(cursor, tally)) {
            return;
        }
        cursor.resume();
        for (int call = 0; call < maxCallsPerShard; call++) {
            if (cursor.done()) {
                return;
            }
            int fetched = cursor.fetch(streams, streamArn, recordsPerCall);
            tally.calls++;
            tally.records += fetched;
            if (!applyPending(cursor, tally) || (fetched == 0 && !cursor.closed())) {
                return; // failed (retried by the next poll), or caught up with an open shard
            }
        }
        tally.caughtUp &= cursor.done();
    }

    /** Applies the cursor's pending records; false if some failed (they stay pending). */
    private boolean applyPending(ShardCursor cursor, PollTally tally) {
        List<Record> records = cursor.pending();
        if (records.isEmpty()) {
            return true;
        }
        List<StreamChange> changes = new ArrayList<>();
        List<RecordFailure> malformed = new ArrayList<>();
        for (Record record : records) {
            try {
                changes.add(RecordConversion.toChange(record));
            } catch (RuntimeException e) {
                malformed.add(new RecordFailure(RecordConversion.sequenceOf(record),
                        "record does not convert: " + e.getMessage()));
                break; // the records after it wait until it is applied or abandoned
            }
        }
        AggregationResult result = aggregator.apply(changes);
        Optional<RecordFailure> first = result.firstFailure().or(() -> malformed.stream().findFirst());
        tally.aggregation = tally.aggregation.plus(result)
                .plus(new AggregationResult(malformed.size(), 0, 0, 0, 0, 0, 0, malformed));
        if (first.isEmpty()) {
            cursor.applied(records.size());
            return true;
        }
        cursor.applied(indexOf(records, first.get().sequenceNumber()));
        cursor.headFailed(first.get(), maxAttemptsPerRecord).ifPresent(tally.abandoned::add);
        tally.caughtUp = false;
        return false;
    }

    private static int indexOf(List<Record> records, String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (RecordConversion.sequenceOf(records.get(i)).equals(sequenceNumber)) {
                return i;
            }
        }
        throw new IllegalStateException("failed record " + sequenceNumber + " is not among the pending records");
    }

    private List<Shard> describe() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            DescribeStreamResponse page = streams.describeStream(DescribeStreamRequest.builder()
                    .streamArn(streamArn).exclusiveStartShardId(start).build());
            shards.addAll(page.streamDescription().shards());
            start = page.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    /** The shards with every parent before its children. */
    static List<Shard> lineageOrder(List<Shard> shards) {
        Map<String, Shard> byId = new HashMap<>();
        shards.forEach(shard -> byId.put(shard.shardId(), shard));
        Set<String> visited = new LinkedHashSet<>();
        List<Shard> ordered = new ArrayList<>();
        for (Shard shard : shards) {
            visit(shard, byId, visited, ordered);
        }
        return ordered;
    }

    private static void visit(Shard shard, Map<String, Shard> byId, Set<String> visited, List<Shard> ordered) {
        if (!visited.add(shard.shardId())) {
            return;
        }
        Shard parent = shard.parentShardId() == null ? null : byId.get(shard.parentShardId());
        if (parent != null) {
            visit(parent, byId, visited, ordered);
        }
        ordered.add(shard);
    }
}
