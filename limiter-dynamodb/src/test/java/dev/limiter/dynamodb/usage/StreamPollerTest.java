package dev.limiter.dynamodb.usage;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.StreamRecords;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller on the real stream of a moto table, fed by a {@link RateLimiter} on a {@link DynamoDbBackend}. The
 * records carry moto's wall-clock creation time, not the limiter's manual clock, so expected windows are derived
 * from the records read back.
 */
@WithDynamoDb
@Timeout(90)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamPollerTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100);
    private static final Limit TPM = Limit.perMinute("tpm", 10_000);

    private final DynamoDbTestEndpoint endpoint;
    private final DynamoDbAsyncClient client;
    private final DynamoDbStreamsClient streams;
    private final UsageReader reader;
    private final String streamArn;
    private final ManualClock clock = ManualClock.create();
    private String namespace;
    private RateLimiter limiter;

    StreamPollerTest(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.newAsyncClient();
        this.streams = endpoint.newStreamsClient();
        DynamoDbBackend.builder().client(client).tableName(endpoint.tableName()).build().createTable();
        this.reader = UsageReader.create(client, endpoint.tableName());
        this.streamArn = StreamPoller.latestStreamArn(streams, endpoint.tableName()).orElseThrow();
    }

    @BeforeEach
    void newNamespace() {
        namespace = "n" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        limiter = RateLimiter.builder().namespace(namespace).clock(clock)
                .backend(DynamoDbBackend.builder().client(client).tableName(endpoint.tableName()).build()).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM, TPM));
    }

    @AfterAll
    void closeClients() {
        client.close();
        streams.close();
    }

    @Test
    void pollOnce_cascadeWithAdjustmentsAndRollback_countsEachAncestorExactly() {
        StreamPoller poller = positionedAtLatest();
        llmTraffic();

        PollResult result = poller.pollOnce();

        assertThat(result.hasFailures()).isFalse();
        assertThat(result.caughtUp()).isTrue();
        for (String entity : List.of("user", "team", "org")) {
            assertUsage(entity, UsageWindow.HOURLY, 3, Map.of("rpm", 2L, "tpm", 1930L));
            assertUsage(entity, UsageWindow.DAILY, 3, Map.of("rpm", 2L, "tpm", 1930L));
        }
        assertUsage("solo", UsageWindow.HOURLY, 1, Map.of("rpm", 1L, "tpm", 50L));
    }

    @Test
    void pollOnce_singleAcquire_landsInTheHourAndDayOfItsCreationTime() {
        StreamPoller poller = positionedAtLatest();
        limiter.acquire(call("solo", 42)).commit();

        poller.pollOnce();

        Instant created = records().get(records().size() - 1).dynamodb().approximateCreationDateTime();
        for (UsageWindow window : UsageWindow.values()) {
            Instant start = window.startOf(created);
            assertThat(reader.entityUsage(namespace, "solo", window, start, start.plus(window.length())))
                    .containsExactly(new UsageSnapshot(namespace, "solo", "gpt-4", window, start,
                            start.plus(window.length()), 1, Map.of("rpm", 1L, "tpm", 42L)));
        }
    }

    @Test
    void pollOnce_freshPollerRereadingTheWholeStream_changesNoSnapshot() {
        StreamPoller poller = positionedAtLatest();
        llmTraffic();
        poller.pollOnce();
        List<UsageSnapshot> before = all(UsageWindow.DAILY, "org");

        PollResult again = newPoller(StartPosition.TRIM_HORIZON).build().pollOnce();

        // Other tests' records share the stream (one of them poisoned on purpose), so only this namespace is checked.
        assertThat(again.aggregation().snapshotsAlreadyApplied()).isPositive();
        assertThat(all(UsageWindow.DAILY, "org")).isEqualTo(before);
    }

    @Test
    void pollOnce_poisonedBucketRecord_isRetriedThenAbandonedWhileOthersCountOnce() {
        StreamPoller poller = newPoller(StartPosition.LATEST).maxAttemptsPerRecord(2).build();
        poller.pollOnce();
        limiter.acquire(call("solo", 10)).commit();
        client.putItem(request -> request.tableName(endpoint.tableName()).item(Map.of(
                Attributes.PK, AttributeValue.fromS(namespace + "#B#broken#gpt-4"),
                Attributes.SK, AttributeValue.fromS("B"),
                Attributes.params("tpm"), AttributeValue.fromS("not-parameters"),
                Attributes.consumed("tpm"), AttributeValue.fromN("5")))).join();
        limiter.acquire(call("solo", 20)).commit();
        String poisoned = records().get(records().size() - 2).dynamodb().sequenceNumber();

        List<PollResult> polls = List.of(poller.pollOnce(), poller.pollOnce(), poller.pollOnce());

        assertThat(polls.get(0).aggregation().failures()).extracting(RecordFailure::sequenceNumber)
                .containsExactly(poisoned);
        assertThat(polls.get(1).abandoned()).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).contains("abandoned after 2", "not-parameters"));
        assertThat(polls.get(2).hasFailures()).isFalse();
        assertThat(polls.get(2).caughtUp()).isTrue();
        assertUsage("solo", UsageWindow.DAILY, 2, Map.of("rpm", 2L, "tpm", 30L));
    }

    @Test
    void pollOnce_bucketDeleted_countsNoNegativeUsage() {
        StreamPoller poller = positionedAtLatest();
        limiter.acquire(call("solo", 10)).commit();
        client.deleteItem(request -> request.tableName(endpoint.tableName()).key(Map.of(
                Attributes.PK, AttributeValue.fromS(namespace + "#B#solo#gpt-4"),
                Attributes.SK, AttributeValue.fromS("B")))).join();

        PollResult result = poller.pollOnce();

        assertThat(result.aggregation().ignored()).isPositive();
        assertUsage("solo", UsageWindow.DAILY, 1, Map.of("rpm", 1L, "tpm", 10L));
    }

    @Test
    void pollOnce_startingAtLatest_skipsRecordsWrittenBefore() {
        limiter.acquire(call("solo", 1)).commit();
        StreamPoller poller = positionedAtLatest();
        limiter.acquire(call("solo", 2)).commit();

        poller.pollOnce();

        assertUsage("solo", UsageWindow.DAILY, 1, Map.of("rpm", 1L, "tpm", 2L));
    }

    @Test
    void follow_stopAfterThreePolls_picksUpWritesBetweenPollsWithoutRealWaiting() {
        StreamPoller poller = newPoller(StartPosition.LATEST).sleeper(clock.sleeper()).build();
        poller.pollOnce();
        List<PollResult> polls = new ArrayList<>();
        Instant start = clock.instant();

        int count = poller.follow(Duration.ofSeconds(5), () -> polls.size() == 3, poll -> {
            polls.add(poll);
            if (polls.size() < 3) {
                limiter.acquire(call("solo", polls.size())).commit();
            }
        });

        assertThat(count).isEqualTo(3);
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(10));
        assertThat(polls).extracting(poll -> poll.aggregation().counted()).containsExactly(0, 1, 1);
        assertUsage("solo", UsageWindow.DAILY, 2, Map.of("rpm", 2L, "tpm", 3L));
    }

    @Test
    void pollOnce_afterACascadeRejectedInATransaction_stillSeesNewRecords() {
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
        assertUsage("solo", UsageWindow.DAILY, 1, Map.of("rpm", 1L, "tpm", 7L));
    }

    @Test
    void latestStreamArn_tableWithoutStream_isEmpty() {
        assertThat(StreamPoller.latestStreamArn(streams, endpoint.tableName("absent"))).isEmpty();
        assertThat(streamArn).contains(endpoint.tableName());
    }

    /** Three leases of a user whose team and org are charged too, and one lease of an unrelated root. */
    private void llmTraffic() {
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("team", "org").withCascade(true));
        limiter.entities().put(Entity.child("user", "team").withCascade(true));
        Lease first = limiter.acquire(call("user", 500));
        first.adjust("tpm", 1230);
        first.commit();
        clock.advance(Duration.ofMillis(10));
        limiter.acquire(call("user", 200)).rollback();
        Lease third = limiter.acquire(call("user", 300));
        third.adjust("tpm", -100);
        third.commit();
        limiter.acquire(call("solo", 50)).commit();
    }

    /**
     * Asserts the entity's usage summed over the windows its records fall in, and that no snapshot lies in any
     * other window: exact even when moto's clock crosses an hour while the test runs.
     */
    private void assertUsage(String entity, UsageWindow window, long requests, Map<String, Long> amounts) {
        List<Instant> starts = records().stream()
                .filter(record -> record.dynamodb().keys().get("pk").s().equals(namespace + "#B#" + entity + "#gpt-4"))
                .map(record -> window.startOf(record.dynamodb().approximateCreationDateTime())).toList();
        List<UsageSnapshot> snapshots = all(window, entity);
        assertThat(snapshots).extracting(UsageSnapshot::start).isSubsetOf(starts);
        assertThat(snapshots.stream().mapToLong(UsageSnapshot::requests).sum()).isEqualTo(requests);
        Map<String, Long> summed = new TreeMap<>();
        snapshots.forEach(s -> s.amounts().forEach((name, amount) -> summed.merge(name, amount, Long::sum)));
        assertThat(summed).containsExactlyInAnyOrderEntriesOf(amounts);
    }

    private List<UsageSnapshot> all(UsageWindow window, String entity) {
        Instant now = Instant.now(); // moto stamps records with its wall clock; a day either side covers them
        return reader.entityUsage(namespace, entity, window, now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(2)));
    }

    private List<Record> records() {
        return StreamRecords.read(streams, endpoint.tableName(), namespace + "#");
    }

    private StreamPoller positionedAtLatest() {
        StreamPoller poller = newPoller(StartPosition.LATEST).build();
        poller.pollOnce();
        return poller;
    }

    private StreamPollerBuilder newPoller(StartPosition start) {
        return StreamPoller.builder(streams, streamArn, UsageAggregator.create(client, endpoint.tableName()))
                .startPosition(start);
    }

    private static AcquireRequest call(String entity, long tokens) {
        return AcquireRequest.of(entity, "gpt-4").consume("rpm", 1).consume("tpm", tokens);
    }
}
