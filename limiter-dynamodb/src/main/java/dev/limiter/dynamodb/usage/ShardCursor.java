package dev.limiter.dynamodb.usage;

import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link StreamPoller}'s position in one shard: the iterator, and the records fetched but not yet applied (the
 * head of which may have failed before). Not thread-safe; the poller serialises access.
 */
final class ShardCursor {

    private final String shardId;
    private ShardIteratorType startType;
    private String iterator;
    private String lastFetched;
    private boolean closed;
    private final List<Record> pending = new ArrayList<>();
    private String headSequence = "";
    private int headAttempts;

    private ShardCursor(String shardId, ShardIteratorType startType, boolean closed) {
        this.shardId = shardId;
        this.startType = startType;
        this.closed = closed;
    }

    /** A cursor that starts reading at {@code startType} ({@code TRIM_HORIZON} or {@code LATEST}). */
    static ShardCursor startingAt(String shardId, ShardIteratorType startType) {
        return new ShardCursor(shardId, startType, false);
    }

    /** A cursor for a shard that is not to be read at all. */
    static ShardCursor skipped(String shardId) {
        return new ShardCursor(shardId, ShardIteratorType.LATEST, true);
    }

    /** Whether the shard has ended and every record of it has been applied or abandoned. */
    boolean done() {
        return closed && pending.isEmpty();
    }

    /** Whether the shard has ended (all its records fetched). */
    boolean closed() {
        return closed;
    }

    /** Records fetched and not yet applied, in shard order. */
    List<Record> pending() {
        return List.copyOf(pending);
    }

    /**
     * Fetches the next page of at most {@code limit} records into {@link #pending()}. An expired iterator (they
     * last 15 minutes) is replaced after the last record fetched; data trimmed before it was read restarts the
     * shard at its trim horizon, as nothing older exists any more.
     *
     * @return how many records were fetched
     */
    int fetch(DynamoDbStreamsClient streams, String streamArn, int limit) {
        GetRecordsResponse response;
        try {
            response = streams.getRecords(page(streams, streamArn, limit));
        } catch (ExpiredIteratorException expired) {
            iterator = null;
            response = streams.getRecords(page(streams, streamArn, limit));
        } catch (TrimmedDataAccessException trimmed) {
            iterator = null;
            lastFetched = null;
            startType = ShardIteratorType.TRIM_HORIZON;
            response = streams.getRecords(page(streams, streamArn, limit));
        }
        List<Record> records = response.records();
        pending.addAll(records);
        if (!records.isEmpty()) {
            lastFetched = records.get(records.size() - 1).dynamodb().sequenceNumber();
        }
        iterator = response.nextShardIterator();
        closed = iterator == null;
        return records.size();
    }

    /**
     * Starts a poll from the last record fetched with a fresh iterator rather than the one the previous poll ended
     * with: an iterator held across polls can expire (after 15 minutes) or, with moto, go stale when a failed
     * transaction makes it rebuild the table's stream shard, after which it returns nothing more.
     */
    void resume() {
        if (lastFetched != null && !closed) {
            iterator = null;
        }
    }

    /** Drops the first {@code count} pending records: they were applied. */
    void applied(int count) {
        pending.subList(0, count).clear();
    }

    /**
     * Notes that the head of {@link #pending()} failed with {@code failure}. After {@code maxAttempts} failures in
     * a row the head is dropped and returned, so one poisoned record cannot stop its shard for good.
     */
    Optional<RecordFailure> headFailed(RecordFailure failure, int maxAttempts) {
        if (failure.sequenceNumber().equals(headSequence)) {
            headAttempts++;
        } else {
            headSequence = failure.sequenceNumber();
            headAttempts = 1;
        }
        if (headAttempts < maxAttempts) {
            return Optional.empty();
        }
        pending.remove(0);
        headSequence = "";
        headAttempts = 0;
        return Optional.of(new RecordFailure(failure.sequenceNumber(),
                "abandoned after " + maxAttempts + " attempts: " + failure.reason()));
    }

    private GetRecordsRequest page(DynamoDbStreamsClient streams, String streamArn, int limit) {
        if (iterator == null) {
            GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder()
                    .streamArn(streamArn).shardId(shardId);
            if (lastFetched != null) {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(lastFetched);
            } else {
                request.shardIteratorType(startType);
            }
            iterator = streams.getShardIterator(request.build()).shardIterator();
        }
        return GetRecordsRequest.builder().shardIterator(iterator).limit(limit).build();
    }
}
