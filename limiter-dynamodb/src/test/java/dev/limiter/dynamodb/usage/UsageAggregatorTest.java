package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregator's windows, batching, idempotency and failure reports, on synthetic records against moto. */
class UsageAggregatorTest extends FakeStreamTest {

    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    UsageAggregatorTest(DynamoDbTestEndpoint endpoint) {
        super(endpoint, "n");
    }

    // ---- windows and batching ----

    @Test
    void apply_manyChangesOfOneBucket_writesOncePerWindowKind() {
        List<StreamChange> batch = List.of(
                stream.acquire("u", "gpt-4", Map.of("rpm", 1L, "tpm", 500L)),
                stream.settle("u", "gpt-4", Map.of("tpm", 1230L)),
                stream.acquire("u", "gpt-4", Map.of("rpm", 1L, "tpm", 200L)),
                stream.settle("u", "gpt-4", Map.of("rpm", -1L, "tpm", -200L)));

        AggregationResult result = aggregator.apply(batch);

        assertThat(result).isEqualTo(new AggregationResult(4, 0, 4, 2, 0, 0, 0, List.of()));
        assertThat(updateItems()).isEqualTo(2);
        UsageSnapshot expected = snapshot("u", UsageWindow.HOURLY, Instant.parse("2026-03-01T10:00:00Z"), 2,
                Map.of("rpm", 1L, "tpm", 1730L));
        assertThat(hourly("u")).containsExactly(expected);
        assertThat(daily("u")).containsExactly(snapshot("u", UsageWindow.DAILY, DAY, 2, expected.amounts()));
    }

    @Test
    void apply_changesAroundMidnight_keepDailyAndMidnightHourlySnapshotsApart() {
        Instant midnight = Instant.parse("2026-03-02T00:00:00Z");
        List<StreamChange> batch = List.of(
                stream.at(midnight.minusSeconds(600)).acquire("u", "gpt-4", Map.of("tpm", 10L)),
                stream.at(midnight.plusSeconds(600)).acquire("u", "gpt-4", Map.of("tpm", 20L)));

        aggregator.apply(batch);

        assertThat(reader.entityUsage(namespace, "u", UsageWindow.HOURLY, DAY, midnight.plusSeconds(3600)))
                .containsExactly(
                        snapshot("u", UsageWindow.HOURLY, midnight.minusSeconds(3600), 1, Map.of("tpm", 10L)),
                        snapshot("u", UsageWindow.HOURLY, midnight, 1, Map.of("tpm", 20L)));
        assertThat(reader.entityUsage(namespace, "u", UsageWindow.DAILY, DAY, midnight.plusSeconds(3600)))
                .containsExactly(
                        snapshot("u", UsageWindow.DAILY, DAY, 1, Map.of("tpm", 10L)),
                        snapshot("u", UsageWindow.DAILY, midnight, 1, Map.of("tpm", 20L)));
    }

    @Test
    void apply_refundInALaterHour_subtractsThereAndNetsOutInTheDay() {
        List<StreamChange> batch = List.of(
                stream.at(Instant.parse("2026-03-01T10:50:00Z")).acquire("u", "gpt-4", Map.of("tpm", 500L)),
                stream.at(Instant.parse("2026-03-01T11:05:00Z")).settle("u", "gpt-4", Map.of("tpm", -200L)));

        aggregator.apply(batch);

        assertThat(hourly("u")).containsExactly(
                snapshot("u", UsageWindow.HOURLY, Instant.parse("2026-03-01T10:00:00Z"), 1, Map.of("tpm", 500L)),
                snapshot("u", UsageWindow.HOURLY, Instant.parse("2026-03-01T11:00:00Z"), 0, Map.of("tpm", -200L)));
        assertThat(daily("u")).containsExactly(snapshot("u", UsageWindow.DAILY, DAY, 1, Map.of("tpm", 300L)));
    }

    @Test
    void apply_newSnapshot_storesWindowTtlIndexKeysAndPaddedWatermark() {
        StreamChange acquire = stream.acquire("u", "gpt-4", Map.of("tpm", 7L));

        aggregator.apply(List.of(acquire));

        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(endpoint.tableName())
                .key(Map.of(Attributes.PK, AttributeValue.fromS(namespace + "#U#u"),
                        Attributes.SK, AttributeValue.fromS("H#2026-03-01T10:00:00Z#gpt-4")))).join().item();
        Instant end = Instant.parse("2026-03-01T11:00:00Z");
        assertThat(item).containsEntry(Attributes.WINDOW_START, number(end.getEpochSecond() - 3600))
                .containsEntry(Attributes.WINDOW_END, number(end.getEpochSecond()))
                .containsEntry(Attributes.TTL, number(end.plus(Duration.ofDays(14)).getEpochSecond()))
                .containsEntry(Attributes.GSI1_PK, AttributeValue.fromS(namespace + "#UR#gpt-4#H"))
                .containsEntry(Attributes.GSI1_SK, AttributeValue.fromS("2026-03-01T10:00:00Z#u"))
                .containsEntry(Attributes.WATERMARK,
                        AttributeValue.fromS("0".repeat(40 - 22) + acquire.sequenceNumber()));
    }

    @Test
    void apply_onlyChangesWithoutUsage_writesNothing() {
        StreamChange acquire = stream.acquire("u", "gpt-4", Map.of("tpm", 7L));
        Map<String, AttributeValue> entity = Map.of(Attributes.PK, AttributeValue.fromS(namespace + "#E#u"),
                Attributes.SK, AttributeValue.fromS("E"));
        List<StreamChange> batch = List.of(
                stream.change(StreamChange.Type.REMOVE, acquire.newImage(), Map.of(), true),
                stream.change(StreamChange.Type.INSERT, Map.of(), entity, false));

        AggregationResult result = aggregator.apply(batch);

        assertThat(result).isEqualTo(new AggregationResult(2, 2, 0, 0, 0, 0, 0, List.of()));
        assertThat(updateItems()).isZero();
    }

    // ---- idempotency ----

    @Test
    void apply_sameBatchDeliveredAgain_changesNothing() {
        List<StreamChange> batch = List.of(
                stream.acquire("u", "gpt-4", Map.of("tpm", 500L)),
                stream.acquire("v", "gpt-4", Map.of("tpm", 50L)));
        aggregator.apply(batch);
        List<UsageSnapshot> before = hourly("u");

        AggregationResult again = aggregator.apply(batch);

        assertThat(again).isEqualTo(new AggregationResult(2, 0, 2, 0, 4, 0, 0, List.of()));
        assertThat(hourly("u")).isEqualTo(before);
    }

    @Test
    void apply_redeliveryOverlappingNewRecords_addsOnlyTheNewOnes() {
        StreamChange first = stream.acquire("u", "gpt-4", Map.of("tpm", 1L));
        StreamChange second = stream.acquire("u", "gpt-4", Map.of("tpm", 10L));
        StreamChange third = stream.acquire("u", "gpt-4", Map.of("tpm", 100L));
        aggregator.apply(List.of(first, second));

        AggregationResult result = aggregator.apply(List.of(second, third));

        assertThat(result.snapshotsWritten()).isEqualTo(2);
        assertThat(daily("u")).containsExactly(snapshot("u", UsageWindow.DAILY, DAY, 3, Map.of("tpm", 111L)));
    }

    @Test
    void apply_bisectedHalvesAfterTheWhole_countOnce() {
        List<StreamChange> whole = List.of(
                stream.acquire("u", "gpt-4", Map.of("tpm", 1L)), stream.acquire("u", "gpt-4", Map.of("tpm", 2L)),
                stream.acquire("u", "gpt-4", Map.of("tpm", 4L)), stream.acquire("u", "gpt-4", Map.of("tpm", 8L)));
        aggregator.apply(whole);

        AggregationResult halves = aggregator.apply(whole.subList(0, 2)).plus(aggregator.apply(whole.subList(2, 4)));

        assertThat(halves.snapshotsWritten()).isZero();
        assertThat(daily("u")).containsExactly(snapshot("u", UsageWindow.DAILY, DAY, 4, Map.of("tpm", 15L)));
    }

    // ---- failures ----

    @Test
    void apply_poisonedRecordAmongGoodOnes_reportsItAndAppliesTheRest() {
        StreamChange good = stream.acquire("u", "gpt-4", Map.of("tpm", 5L));
        Map<String, AttributeValue> broken =
                new HashMap<>(stream.acquire("bad", "gpt-4", Map.of("tpm", 5L)).newImage());
        broken.put(Attributes.params("tpm"), AttributeValue.fromS("5:5"));
        StreamChange poisoned = stream.change(StreamChange.Type.INSERT, Map.of(), broken, false);
        StreamChange later = stream.acquire("v", "gpt-4", Map.of("tpm", 6L));

        AggregationResult result = aggregator.apply(List.of(good, poisoned, later));

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.sequenceNumber()).isEqualTo(poisoned.sequenceNumber());
            assertThat(failure.reason()).contains("malformed parameters '5:5'");
        });
        assertThat(daily("u")).extracting(UsageSnapshot::requests).containsExactly(1L);
        assertThat(daily("v")).extracting(UsageSnapshot::requests).containsExactly(1L);
        assertThat(daily("bad")).isEmpty();
    }

    @Test
    void apply_writesFailing_reportsEveryCountedRecordInInputOrder() {
        UsageAggregator missingTable = UsageAggregator.create(client, endpoint.tableName("missing"));
        StreamChange first = stream.acquire("u", "gpt-4", Map.of("tpm", 5L));
        StreamChange ignored = stream.change(StreamChange.Type.REMOVE, first.newImage(), Map.of(), true);
        StreamChange second = stream.acquire("v", "gpt-4", Map.of("tpm", 5L));

        AggregationResult result = missingTable.apply(List.of(first, ignored, second));

        assertThat(result.failures()).extracting(RecordFailure::sequenceNumber)
                .containsExactly(first.sequenceNumber(), second.sequenceNumber());
        assertThat(result.failures().get(0).reason()).contains("UpdateItem", "ResourceNotFound");
        assertThat(result.firstFailure()).hasValue(result.failures().get(0));
    }

    /** The {@code UpdateItem} attempts since the test started. */
    private int updateItems() {
        return table.log().counts().getOrDefault("UpdateItem", 0);
    }

    private List<UsageSnapshot> hourly(String entity) {
        return reader.entityUsage(namespace, entity, UsageWindow.HOURLY, DAY, DAY.plus(Duration.ofDays(1)));
    }

    private List<UsageSnapshot> daily(String entity) {
        return reader.entityUsage(namespace, entity, UsageWindow.DAILY, DAY, DAY.plus(Duration.ofDays(1)));
    }

    private UsageSnapshot snapshot(String entity, UsageWindow window, Instant start, long requests,
                                   Map<String, Long> amounts) {
        return new UsageSnapshot(namespace, entity, "gpt-4", window, start, start.plus(window.length()), requests,
                amounts);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
