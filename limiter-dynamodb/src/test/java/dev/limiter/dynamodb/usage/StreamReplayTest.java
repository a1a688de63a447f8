package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.testkit.UsageFixture;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replays of on-failure records against the real stream of a moto table (see {@link UsageFixture}). */
@WithDynamoDb
@Timeout(90)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamReplayTest {

    private final UsageFixture usage;
    private final UsageAggregator aggregator;
    private final StreamReplay replay;
    private final String streamArn;

    StreamReplayTest(DynamoDbTestEndpoint endpoint) {
        this.usage = new UsageFixture(endpoint);
        this.aggregator = UsageAggregator.create(usage.table().client(), endpoint.tableName());
        this.replay = StreamReplay.create(usage.streams(), aggregator);
        this.streamArn = StreamPoller.latestStreamArn(usage.streams(), endpoint.tableName()).orElseThrow();
    }

    @BeforeEach
    void newNamespace() {
        usage.newNamespace();
    }

    @AfterAll
    void close() {
        usage.close();
    }

    @Test
    void replay_batchGivenUpWhileLaterRecordsWereCounted_countsItsRecords() {
        usage.llmTraffic();
        List<Record> records = usage.records();
        int lost = indexOfLastWriteOf(records, usage.bucketPk("team")) - 1;
        Record given = records.get(lost);
        apply(records.subList(0, lost));
        apply(records.subList(lost + 1, records.size())); // the batches after the one given up

        ReplayResult result = replay.replay(batch(given, given));

        assertThat(result.status()).isEqualTo(ReplayResult.Status.REPLAYED);
        assertThat(result.recordsRead()).isEqualTo(1);
        assertThat(result.complete()).isTrue();
        for (String entity : List.of("user", "team", "org")) {
            usage.assertUsage(records, entity, UsageWindow.DAILY, 3, Map.of("rpm", 2L, "tpm", 1930L));
        }
    }

    @Test
    void replay_sameBatchTwice_countsItOnce() {
        usage.llmTraffic();
        List<Record> records = usage.records();
        FailedBatch whole = batch(records.get(0), records.get(records.size() - 1));

        replay.replay(whole);
        ReplayResult again = replay.replay(whole);

        assertThat(again.aggregation().snapshotsWritten()).isZero();
        usage.assertUsage(records, "solo", UsageWindow.HOURLY, 1, Map.of("rpm", 1L, "tpm", 50L));
        usage.assertUsage(records, "org", UsageWindow.HOURLY, 3, Map.of("rpm", 2L, "tpm", 1930L));
    }

    @Test
    void replay_rangeTrimmedFromTheStream_saysPlainlyWhatIsLost() {
        usage.llmTraffic();
        FailedBatch old = new FailedBatch(streamArn, shard(), "100", "200", 7, Instant.parse("2026-03-01T10:00:00Z"));
        // moto keeps every record; DynamoDB answers a position past the 24 h retention like this.
        StreamReplay trimmed = StreamReplay.create(new TrimmingStreams(usage.streams()), aggregator);

        ReplayResult result = trimmed.replay(old);

        assertThat(result.status()).isEqualTo(ReplayResult.Status.LOST);
        assertThat(result.complete()).isFalse();
        assertThat(result.recordsRead()).isZero();
        assertThat(result.lost()).contains("records 100 to 200 of shard " + old.shardId(), "7 records",
                "2026-03-01T10:00:00Z", "past the stream's 24 h retention", "missing from the snapshots");
    }

    /** Streams whose positions by sequence number are all trimmed; the trim horizon still reads. */
    private static final class TrimmingStreams implements DynamoDbStreamsClient {
        private final DynamoDbStreamsClient real;

        TrimmingStreams(DynamoDbStreamsClient real) {
            this.real = real;
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            if (request.shardIteratorType() == ShardIteratorType.AT_SEQUENCE_NUMBER) {
                throw TrimmedDataAccessException.builder().message("trimmed").build();
            }
            return real.getShardIterator(request);
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            return real.getRecords(request);
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
            // the real client belongs to the fixture
        }
    }

    @Test
    void failedBatch_startAfterEnd_failsNamingBothFields() {
        assertThatThrownBy(() -> new FailedBatch(streamArn, "shard", "9", "8", 1, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startSequenceNumber 9 is after endSequenceNumber 8");
    }

    @Test
    void tableName_ofTheStreamArn_isTheTablesName() {
        FailedBatch batch = new FailedBatch("arn:aws:dynamodb:eu-west-1:123456789012:table/limiter-prod/stream/"
                + "2026-01-01T00:00:00.000", "shard", "1", "1", 1, Instant.EPOCH);

        assertThat(batch.tableName()).isEqualTo("limiter-prod");
    }

    private FailedBatch batch(Record first, Record last) {
        return new FailedBatch(streamArn, shard(), first.dynamodb().sequenceNumber(),
                last.dynamodb().sequenceNumber(), 2, first.dynamodb().approximateCreationDateTime());
    }

    /** The stream's shard: moto keeps one per table. */
    private String shard() {
        return usage.streams().describeStream(request -> request.streamArn(streamArn))
                .streamDescription().shards().get(0).shardId();
    }

    private void apply(List<Record> records) {
        aggregator.apply(records.stream().map(RecordConversion::toChange).toList());
    }

    private static int indexOfLastWriteOf(List<Record> records, String pk) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).dynamodb().keys().get(Attributes.PK).s().equals(pk)) {
                return i;
            }
        }
        throw new IllegalStateException("no record of " + pk);
    }
}
