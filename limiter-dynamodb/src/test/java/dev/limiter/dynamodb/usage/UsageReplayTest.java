package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records applied out of stream order: a batch replayed from the on-failure queue after later batches, a later half
 * read before the earlier one. Each record counts exactly once, and a snapshot missing records says so.
 */
class UsageReplayTest extends FakeStreamTest {

    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    UsageReplayTest(DynamoDbTestEndpoint endpoint) {
        super(endpoint, "r");
    }

    @Test
    void apply_batchReplayedAfterLaterBatches_countsItsRecords() {
        List<StreamChange> records = acquires("team", 500, 500, 500, 500, 1000);
        aggregator.apply(records.subList(0, 2));
        aggregator.apply(records.subList(3, 5)); // records.get(2) went to the on-failure queue

        AggregationResult replay = aggregator.apply(records.subList(2, 3));

        assertThat(replay.snapshotsWritten()).isEqualTo(2);
        assertThat(replay.snapshotsWithGaps()).isZero();
        assertThat(daily("team")).extracting(UsageSnapshot::requests, snapshot -> snapshot.amounts().get("tpm"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, 3000L));
    }

    @Test
    void apply_batchAfterASkippedOne_reportsTheGapInBothWindows() {
        List<StreamChange> records = acquires("team", 1, 2, 4);
        aggregator.apply(records.subList(0, 1));

        AggregationResult later = aggregator.apply(records.subList(2, 3));

        assertThat(later.snapshotsWritten()).isEqualTo(2);
        assertThat(later.snapshotsWithGaps()).isEqualTo(2);
        assertThat(later.gapsSealed()).isZero();
    }

    @Test
    void apply_laterHalfBeforeEarlierHalf_countsBothHalves() {
        List<StreamChange> records = acquires("team", 1, 2, 4, 8);
        aggregator.apply(records.subList(2, 4));

        AggregationResult earlier = aggregator.apply(records.subList(0, 2));

        assertThat(earlier.snapshotsWithGaps()).isZero();
        assertThat(daily("team")).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.requests()).isEqualTo(4);
            assertThat(snapshot.amounts()).containsEntry("tpm", 15L);
        });
    }

    @Test
    void apply_replayOfRecordsAppliedOutOfOrder_changesNothing() {
        List<StreamChange> records = acquires("team", 1, 2, 4);
        aggregator.apply(records.subList(2, 3));
        aggregator.apply(records.subList(0, 2));

        AggregationResult again = aggregator.apply(records);

        assertThat(again.snapshotsWritten()).isZero();
        assertThat(again.snapshotsAlreadyApplied()).isEqualTo(2);
        assertThat(daily("team")).extracting(UsageSnapshot::requests).containsExactly(3L);
    }

    @Test
    void apply_consecutiveBatches_writeEachSnapshotOnceWithoutReading() {
        List<StreamChange> records = acquires("team", 1, 2, 4, 8);
        aggregator.apply(records.subList(0, 2));
        table.log().clear();

        aggregator.apply(records.subList(2, 4));

        assertThat(table.log().counts()).containsExactly(Map.entry("UpdateItem", 2));
    }

    @Test
    void apply_snapshotOfTheEarlierLayout_keepsItsWatermarkAndAddsLaterRecords() {
        List<StreamChange> records = acquires("team", 1, 2);
        client.putItem(request -> request.tableName(endpoint.tableName()).item(Map.of(
                Attributes.PK, AttributeValue.fromS(namespace + "#U#team"),
                Attributes.SK, AttributeValue.fromS("D#2026-03-01T00:00:00Z#gpt-4"),
                Attributes.REQUESTS, AttributeValue.fromN("1"), Attributes.amount("tpm"), AttributeValue.fromN("1"),
                Attributes.WATERMARK, AttributeValue.fromS(UsageItems.watermark(
                        UsageItems.parseSequence(records.get(0).sequenceNumber())))))).join();

        aggregator.apply(records);

        assertThat(daily("team")).extracting(UsageSnapshot::requests).containsExactly(2L);
    }

    @Test
    void apply_moreGapsThanASnapshotKeeps_sealsTheOldestAndReportsIt() {
        int runs = AppliedRanges.MAX_RUNS + 1;
        List<StreamChange> records = acquires("team", new long[2 * runs]);
        AggregationResult result = AggregationResult.empty();
        for (int i = 0; i < runs; i++) {
            result = result.plus(aggregator.apply(records.subList(2 * i, 2 * i + 1))); // every other one skipped
        }

        assertThat(result.gapsSealed()).isEqualTo(2); // one per window kind
        assertThat(daily("team")).extracting(UsageSnapshot::requests).containsExactly((long) runs);
    }

    /** One acquire of {@code tpm} tokens per amount on {@code entity}'s gpt-4 bucket, in stream order. */
    private List<StreamChange> acquires(String entity, long... amounts) {
        List<StreamChange> records = new ArrayList<>();
        for (long amount : amounts) {
            records.add(stream.acquire(entity, "gpt-4", Map.of("tpm", Math.max(1, amount))));
        }
        return records;
    }

    private List<UsageSnapshot> daily(String entity) {
        return reader.entityUsage(namespace, entity, UsageWindow.DAILY, DAY, DAY.plus(Duration.ofDays(1)));
    }
}
