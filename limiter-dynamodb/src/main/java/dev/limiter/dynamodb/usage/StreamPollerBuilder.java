package dev.limiter.dynamodb.usage;

import dev.limiter.Sleeper;
import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Builds a {@link StreamPoller}; the stream client, stream ARN and aggregator are required and given to
 * {@link StreamPoller#builder}. Not thread-safe.
 */
public final class StreamPollerBuilder {

    /** The most records one {@code GetRecords} call returns. */
    public static final int MAX_RECORDS_PER_CALL = 1000;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final UsageAggregator aggregator;
    private StartPosition startPosition = StartPosition.TRIM_HORIZON;
    private int recordsPerCall = MAX_RECORDS_PER_CALL;
    private int maxCallsPerShard = 100;
    private int maxAttemptsPerRecord = 3;
    private Sleeper sleeper = Sleeper.system();

    StreamPollerBuilder(DynamoDbStreamsClient streams, String streamArn, UsageAggregator aggregator) {
        this.streams = Require.nonNull("streams", streams);
        this.streamArn = Require.nonNull("streamArn", streamArn);
        this.aggregator = Require.nonNull("aggregator", aggregator);
    }

    /** Where to start in the shards that exist at the first poll. Default {@link StartPosition#TRIM_HORIZON}. */
    public StreamPollerBuilder startPosition(StartPosition position) {
        this.startPosition = Require.nonNull("startPosition", position);
        return this;
    }

    /** Records per {@code GetRecords} call, each page one aggregator batch. Default and maximum 1,000. */
    public StreamPollerBuilder recordsPerCall(int records) {
        this.recordsPerCall = (int) Require.positive("recordsPerCall", records, MAX_RECORDS_PER_CALL);
        return this;
    }

    /** {@code GetRecords} calls per shard in one poll, which bounds a poll's duration. Default 100. */
    public StreamPollerBuilder maxCallsPerShard(int calls) {
        this.maxCallsPerShard = (int) Require.positive("maxCallsPerShard", calls, 1_000_000);
        return this;
    }

    /** Polls in a row a record may fail before it is abandoned and reported. Default 3. */
    public StreamPollerBuilder maxAttemptsPerRecord(int attempts) {
        this.maxAttemptsPerRecord = (int) Require.positive("maxAttemptsPerRecord", attempts, 1_000_000);
        return this;
    }

    /** How {@link StreamPoller#follow} waits between polls. Default {@link Sleeper#system()}. */
    public StreamPollerBuilder sleeper(Sleeper newSleeper) {
        this.sleeper = Require.nonNull("sleeper", newSleeper);
        return this;
    }

    /** Builds the poller; it makes no request until the first poll. */
    public StreamPoller build() {
        return new StreamPoller(this);
    }

    DynamoDbStreamsClient streams() {
        return streams;
    }

    String streamArn() {
        return streamArn;
    }

    UsageAggregator aggregator() {
        return aggregator;
    }

    StartPosition startPosition() {
        return startPosition;
    }

    int recordsPerCall() {
        return recordsPerCall;
    }

    int maxCallsPerShard() {
        return maxCallsPerShard;
    }

    int maxAttemptsPerRecord() {
        return maxAttemptsPerRecord;
    }

    Sleeper sleeper() {
        return sleeper;
    }
}
