package dev.limiter.dynamodb.usage;

import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.testkit.UsageFixture;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.limiter.dynamodb.testkit.UsageFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller on the real stream of a moto table, fed by a {@link RateLimiter} on a DynamoDB backend (see
 * {@link UsageFixture}). The records carry moto's wall-clock creation time, not the limiter's manual clock, so
 * expected windows are derived from the records read back.
 */
@WithDynamoDb
@Timeout(90)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamPollerTest {

    private final DynamoDbTestEndpoint endpoint;
    private final UsageFixture usage;
    private final String streamArn;

    StreamPollerTest(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.usage = new UsageFixture(endpoint);
        this.streamArn = StreamPoller.latestStreamArn(usage.streams(), endpoint.tableName()).orElseThrow();
    }

    @BeforeEach
    void newNamespace() {
        usage.newNamespace();
    }

    @AfterAll
    void closeClients() {
        usage.close();
    }

    @Test
    void pollOnce_cascadeWithAdjustmentsAndRollback_countsEachAncestorExactly() {
        StreamPoller poller = positionedAtLatest();
        usage.llmTraffic();

        PollResult result = poller.pollOnce();

        assertThat(result.hasFailures()).isFalse();
        assertThat(result.caughtUp()).isTrue();
        List<Record> records = usage.records();
        for (String entity : List.of("user", "team", "org")) {
            usage.assertUsage(records, entity, UsageWindow.HOURLY, 3, Map.of("rpm", 2L, "tpm", 1930L));
            usage.assertUsage(records, entity, UsageWindow.DAILY, 3, Map.of("rpm", 2L, "tpm", 1930L));
        }
        usage.assertUsage(records, "solo", UsageWindow.HOURLY, 1, Map.of("rpm", 1L, "tpm", 50L));
    }

    @Test
    void pollOnce_singleAcquire_landsInTheHourAndDayOfItsCreationTime() {
        StreamPoller poller = positionedAtLatest();
        usage.limiter().acquire(call("solo", 42)).commit();

        poller.pollOnce();

        List<Record> records = usage.records();
        Instant created = records.get(records.size() - 1).dynamodb().approximateCreationDateTime();
        for (UsageWindow window : UsageWindow.values()) {
            Instant start = window.startOf(created);
            Instant end = start.plus(window.length());
            assertThat(usage.reader().entityUsage(usage.namespace(), "solo", window, start, end))
                    .containsExactly(new UsageSnapshot(usage.namespace(), "solo", "gpt-4", window, start,
                            end, 1, Map.of("rpm", 1L, "tpm", 42L)));
        }
    }

    @Test
    void pollOnce_freshPollerRereadingTheWholeStream_changesNoSnapshot() {
        StreamPoller poller = positionedAtLatest();
        usage.llmTraffic();
        poller.pollOnce();
        List<UsageSnapshot> before = usage.snapshots(UsageWindow.DAILY, "org");

        PollResult again = newPoller(StartPosition.TRIM_HORIZON).build().pollOnce();

        // Other tests' records share the stream (one of them poisoned on purpose), so only this namespace is checked.
        assertThat(again.aggregation().snapshotsAlreadyApplied()).isPositive();
        assertThat(usage.snapshots(UsageWindow.DAILY, "org")).isEqualTo(before);
    }

    @Test
    void pollOnce_poisonedBucketRecord_isRetriedThenAbandonedWhileOthersCountOnce() {
        StreamPoller poller = newPoller(StartPosition.LATEST).maxAttemptsPerRecord(2).build();
        poller.pollOnce();
        usage.limiter().acquire(call("solo", 10)).commit();
        usage.table().client().putItem(request -> request.tableName(endpoint.tableName()).item(Map.of(
                Attributes.PK, AttributeValue.fromS(usage.bucketPk("broken")),
                Attributes.SK, AttributeValue.fromS("B"),
                Attributes.params("tpm"), AttributeValue.fromS("not-parameters"),
                Attributes.consumed("tpm"), AttributeValue.fromN("5")))).join();
        usage.limiter().acquire(call("solo", 20)).commit();
        List<Record> written = usage.records();
        String poisoned = written.get(written.size() - 2).dynamodb().sequenceNumber();

        List<PollResult> polls = List.of(poller.pollOnce(), poller.pollOnce(), poller.pollOnce());

        assertThat(polls.get(0).aggregation().failures()).extracting(RecordFailure::sequenceNumber)
                .containsExactly(poisoned);
        assertThat(polls.get(1).abandoned()).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).contains("abandoned after 2", "not-parameters"));
        assertThat(polls.get(2).hasFailures()).isFalse();
        assertThat(polls.get(2).caughtUp()).isTrue();
        usage.assertUsage(written, "solo", UsageWindow.DAILY, 2, Map.of("rpm", 2L, "tpm", 30L));
    }

    @Test
    void pollOnce_bucketDeleted_countsNoNegativeUsage() {
        StreamPoller poller = positionedAtLatest();
        usage.limiter().acquire(call("solo", 10)).commit();
        usage.table().client().deleteItem(request -> request.tableName(endpoint.tableName()).key(Map.of(
                Attributes.PK, AttributeValue.fromS(usage.bucketPk("solo")),
                Attributes.SK, AttributeValue.fromS("B")))).join();

        PollResult result = poller.pollOnce();

        assertThat(result.aggregation().ignored()).isPositive();
        usage.assertUsage(usage.records(), "solo", UsageWindow.DAILY, 1, Map.of("rpm", 1L, "tpm", 10L));
    }

    @Test
    void pollOnce_startingAtLatest_skipsRecordsWrittenBefore() {
        usage.limiter().acquire(call("solo", 1)).commit();
        StreamPoller poller = positionedAtLatest();
        usage.limiter().acquire(call("solo", 2)).commit();

        poller.pollOnce();

        usage.assertUsage(usage.records(), "solo", UsageWindow.DAILY, 1, Map.of("rpm", 1L, "tpm", 2L));
    }

    @Test
    void follow_stopAfterThreePolls_picksUpWritesBetweenPollsWithoutRealWaiting() {
        ManualClock clock = usage.clock();
        StreamPoller poller = newPoller(StartPosition.LATEST).sleeper(clock.sleeper()).build();
        poller.pollOnce();
        List<PollResult> polls = new ArrayList<>();
        Instant start = clock.instant();

        int count = poller.follow(Duration.ofSeconds(5), () -> polls.size() == 3, poll -> {
            polls.add(poll);
            if (polls.size() < 3) {
                usage.limiter().acquire(call("solo", polls.size())).commit();
            }
        });

        assertThat(count).isEqualTo(3);
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(10));
        assertThat(polls).extracting(poll -> poll.aggregation().counted()).containsExactly(0, 1, 1);
        usage.assertUsage(usage.records(), "solo", UsageWindow.DAILY, 2, Map.of("rpm", 2L, "tpm", 3L));
    }

    @Test
    void pollOnce_afterACascadeRejectedInATransaction_stillSeesNewRecords() {
        RateLimiter limiter = usage.limiter();
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("user", "org").withCascade(true));
        limiter.configs().set(ConfigScope.entityDefault("org"), LimitConfig.of(Limit.perMinute("rpm", 1)));
        StreamPoller poller = positionedAtLatest();
        limiter.acquire(call("user", 10)).commit();
        poller.pollOnce();

        boolean rejected = !limiter.tryAcquire(call("user", 10)).isGranted();
        limiter.acquire(call("solo", 7)).commit();
        PollResult afterRejection = poller.pollOnce();

        // moto rebuilds the stream shard when a transaction fails; a poller must resume from its last record.
        assertThat(rejected).isTrue();
        assertThat(afterRejection.aggregation().counted()).isEqualTo(1);
        usage.assertUsage(usage.records(), "solo", UsageWindow.DAILY, 1, Map.of("rpm", 1L, "tpm", 7L));
    }

    @Test
    void latestStreamArn_tableWithoutStream_isEmpty() {
        assertThat(StreamPoller.latestStreamArn(usage.streams(), endpoint.tableName("absent"))).isEmpty();
        assertThat(streamArn).contains(endpoint.tableName());
    }

    private StreamPoller positionedAtLatest() {
        StreamPoller poller = newPoller(StartPosition.LATEST).build();
        poller.pollOnce();
        return poller;
    }

    private StreamPollerBuilder newPoller(StartPosition start) {
        return StreamPoller.builder(usage.streams(), streamArn,
                UsageAggregator.create(usage.table().client(), endpoint.tableName())).startPosition(start);
    }
}
