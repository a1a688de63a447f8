package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshot queries by entity (the table's key) and by resource across entities (index gsi1), against moto. */
@WithDynamoDb
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageReaderTest {

    private static final String NS = "reader";
    private static final Instant NINE = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-03-01T11:00:00Z");
    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    private final TestTable table;
    private final UsageReader reader;
    private final UsageAggregator aggregator;

    UsageReaderTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
        this.reader = UsageReader.create(table.client(), table.name());
        this.aggregator = UsageAggregator.create(table.client(), table.name());
    }

    /** Alice uses gpt-4 at 9:xx and 10:xx and claude at 10:xx; Bob uses gpt-4 at 10:xx; Carol in another namespace. */
    @BeforeAll
    void aggregateUsage() {
        FakeStream stream = new FakeStream(NS, NINE.plusSeconds(60));
        FakeStream other = new FakeStream("other", TEN.plusSeconds(60));
        AggregationResult result = aggregator.apply(List.of(
                stream.acquire("alice", "gpt-4", Map.of("tpm", 1L)),
                stream.at(TEN.plusSeconds(60)).acquire("alice", "gpt-4", Map.of("tpm", 2L)),
                stream.acquire("alice", "claude", Map.of("tpm", 4L)),
                stream.acquire("bob", "gpt-4", Map.of("tpm", 8L)),
                other.acquire("carol", "gpt-4", Map.of("tpm", 16L))));
        assertThat(result.hasFailures()).isFalse();
    }

    @AfterAll
    void closeClient() {
        table.close();
    }

    @Test
    void entityUsage_allResources_listsByStartThenResource() {
        List<UsageSnapshot> snapshots =
                reader.entityUsage(NS, "alice", UsageWindow.HOURLY, DAY, DAY.plus(Duration.ofDays(1)));

        assertThat(snapshots).containsExactly(
                hourly("alice", "gpt-4", NINE, 1), hourly("alice", "claude", TEN, 4), hourly("alice", "gpt-4", TEN, 2));
    }

    @Test
    void entityUsage_oneResource_leavesOtherResourcesOut() {
        List<UsageSnapshot> snapshots = reader.entityUsage(NS, "alice", "gpt-4", UsageWindow.HOURLY, DAY, ELEVEN);

        assertThat(snapshots).containsExactly(hourly("alice", "gpt-4", NINE, 1), hourly("alice", "gpt-4", TEN, 2));
    }

    @Test
    void entityUsage_range_isHalfOpenOnWindowStarts() {
        assertThat(reader.entityUsage(NS, "alice", "gpt-4", UsageWindow.HOURLY, NINE, TEN))
                .containsExactly(hourly("alice", "gpt-4", NINE, 1));
        assertThat(reader.entityUsage(NS, "alice", "gpt-4", UsageWindow.HOURLY, NINE.plusMillis(1), ELEVEN))
                .containsExactly(hourly("alice", "gpt-4", TEN, 2));
    }

    @Test
    void entityUsage_daily_sumsTheDayAndIgnoresHourlyItems() {
        assertThat(reader.entityUsage(NS, "alice", UsageWindow.DAILY, DAY, ELEVEN)).containsExactly(
                new UsageSnapshot(NS, "alice", "claude", UsageWindow.DAILY, DAY, DAY.plus(Duration.ofDays(1)), 1,
                        Map.of("tpm", 4L)),
                new UsageSnapshot(NS, "alice", "gpt-4", UsageWindow.DAILY, DAY, DAY.plus(Duration.ofDays(1)), 2,
                        Map.of("tpm", 3L)));
    }

    @Test
    void resourceUsage_acrossEntities_listsByStartThenEntityWithinTheNamespace() {
        List<UsageSnapshot> snapshots = reader.resourceUsage(NS, "gpt-4", UsageWindow.HOURLY, DAY, ELEVEN);

        assertThat(snapshots).containsExactly(
                hourly("alice", "gpt-4", NINE, 1), hourly("alice", "gpt-4", TEN, 2), hourly("bob", "gpt-4", TEN, 8));
    }

    @Test
    void resourceUsage_sinceAfterUntil_failsNamingBothBounds() {
        assertThatThrownBy(() -> reader.resourceUsage(NS, "gpt-4", UsageWindow.HOURLY, ELEVEN, TEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be before until");
        assertThat(reader.resourceUsageAsync(NS, "gpt-4", UsageWindow.HOURLY, ELEVEN, TEN)).isCompletedExceptionally();
    }

    private static UsageSnapshot hourly(String entity, String resource, Instant start, long tpm) {
        return new UsageSnapshot(NS, entity, resource, UsageWindow.HOURLY, start, start.plusSeconds(3600), 1,
                Map.of("tpm", tpm));
    }
}
