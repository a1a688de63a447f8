package dev.limiter.lambda.aggregator;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.usage.UsageAggregator;
import dev.limiter.dynamodb.usage.UsageReader;
import dev.limiter.dynamodb.usage.UsageSnapshot;
import dev.limiter.dynamodb.usage.UsageWindow;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handler on events built from the real stream of a moto table that a {@link RateLimiter} wrote to. Records carry
 * moto's wall-clock creation time, so expected windows come from the records themselves.
 */
@WithDynamoDb
@Timeout(90)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageAggregatorHandlerTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100);
    private static final Limit TPM = Limit.perMinute("tpm", 10_000);

    private final DynamoDbTestEndpoint endpoint;
    private final DynamoDbAsyncClient client;
    private final DynamoDbStreamsClient streams;
    private final UsageReader reader;
    private final UsageAggregatorHandler handler;
    private final ManualClock clock = ManualClock.create();
    private String namespace;
    private RateLimiter limiter;

    UsageAggregatorHandlerTest(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.newAsyncClient();
        this.streams = endpoint.newStreamsClient();
        DynamoDbBackend.builder().client(client).tableName(endpoint.tableName()).build().createTable();
        this.reader = UsageReader.create(client, endpoint.tableName());
        this.handler = new UsageAggregatorHandler(UsageAggregator.create(client, endpoint.tableName()));
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
    void handleRequest_cascadeTraffic_writesExactHourlyAndDailySnapshots() {
        llmTraffic();

        StreamsEventResponse response = handler.handleRequest(LambdaEvents.eventOf(events()), new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        for (UsageWindow window : UsageWindow.values()) {
            for (String entity : List.of("user", "team", "org")) {
                assertUsage(entity, window, 3, Map.of("rpm", 2L, "tpm", 1930L));
            }
            assertUsage("solo", window, 1, Map.of("rpm", 1L, "tpm", 50L));
        }
    }

    @Test
    void handleRequest_sameEventAgain_changesNoSnapshotAndLogsSkippedDuplicates() {
        llmTraffic();
        List<DynamodbStreamRecord> batch = events();
        handler.handleRequest(LambdaEvents.eventOf(batch), new TestContext());
        TestContext context = new TestContext();

        StreamsEventResponse response = handler.handleRequest(LambdaEvents.eventOf(batch), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertUsage("org", UsageWindow.DAILY, 3, Map.of("rpm", 2L, "tpm", 1930L));
        // Eight keys (four buckets, hourly and daily), more if moto's clock crossed an hour meanwhile.
        assertThat(context.lines()).singleElement().asString()
                .startsWith("{\"level\":\"INFO\",\"event\":\"usage_batch\",\"requestId\":\"test-request\"")
                .contains("\"snapshotsWritten\":0", "\"failedRecords\":0")
                .containsPattern("\"skippedDuplicates\":([89]|1[0-2])[,}]");
    }

    @Test
    void handleRequest_poisonedRecordMidBatch_reportsItAloneThenCountsItOnceRedelivered() {
        llmTraffic();
        List<DynamodbStreamRecord> batch = events();
        int solo = indexOfBucket(batch, "solo");
        List<DynamodbStreamRecord> poisoned = new ArrayList<>(batch);
        poisoned.set(solo, withCounter(batch.get(solo), new AttributeValue().withS("oops")));
        String sequence = batch.get(solo).getDynamodb().getSequenceNumber();
        TestContext context = new TestContext();

        StreamsEventResponse response = handler.handleRequest(LambdaEvents.eventOf(poisoned), context);
        handler.handleRequest(LambdaEvents.eventOf(batch.subList(solo, batch.size())), new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequence);
        assertThat(context.lines()).anySatisfy(line -> assertThat(line)
                .contains("\"level\":\"ERROR\"", "\"sequenceNumber\":\"" + sequence + "\"", "c_tpm"));
        assertUsage("solo", UsageWindow.HOURLY, 1, Map.of("rpm", 1L, "tpm", 50L));
        assertUsage("user", UsageWindow.HOURLY, 3, Map.of("rpm", 2L, "tpm", 1930L));
    }

    @Test
    void handleRequest_ttlRemovalAndEntityRecords_areIgnored() {
        limiter.entities().put(Entity.root("org"));
        limiter.acquire(call("solo", 5)).commit();
        List<DynamodbStreamRecord> batch = new ArrayList<>(events());
        int solo = indexOfBucket(batch, "solo");
        batch.set(solo, LambdaEvents.asTtlRemoval(batch.get(solo)));
        TestContext context = new TestContext();

        StreamsEventResponse response = handler.handleRequest(LambdaEvents.eventOf(batch), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(snapshots(UsageWindow.DAILY, "solo")).isEmpty();
        assertThat(context.lines().get(0)).contains("\"ignored\":" + batch.size(), "\"counted\":0");
    }

    @Test
    void handleRequest_eventJsonAsTheRuntimeParsesIt_countsTheInsertInItsHour() {
        StreamsEventResponse response = handler.handleRequest(
                EventLoader.loadDynamoDbEvent("events/bucket-insert-and-ttl-removal.json"), new TestContext());

        Instant ten = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(reader.entityUsage("jsonevent", "user-7", UsageWindow.HOURLY, ten, ten.plusSeconds(1)))
                .containsExactly(new UsageSnapshot("jsonevent", "user-7", "gpt-4", UsageWindow.HOURLY, ten,
                        ten.plusSeconds(3600), 1, Map.of("tpm", 5L)));
    }

    @Test
    void handleRequest_recordWithoutSequenceNumber_failsTheInvocation() {
        limiter.acquire(call("solo", 5)).commit();
        List<DynamodbStreamRecord> batch = events();
        batch.get(0).getDynamodb().setSequenceNumber(null);

        assertThatThrownBy(() -> handler.handleRequest(LambdaEvents.eventOf(batch), new TestContext()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no sequence number");
    }

    /** Three leases of a cascading user (team and org charged too) and, between them, one of an unrelated root. */
    private void llmTraffic() {
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("team", "org").withCascade(true));
        limiter.entities().put(Entity.child("user", "team").withCascade(true));
        Lease first = limiter.acquire(call("user", 500));
        first.adjust("tpm", 1230);
        first.commit();
        limiter.acquire(call("solo", 50)).commit();
        clock.advance(Duration.ofMillis(10));
        limiter.acquire(call("user", 200)).rollback();
        Lease third = limiter.acquire(call("user", 300));
        third.adjust("tpm", -100);
        third.commit();
    }

    private List<DynamodbStreamRecord> events() {
        List<DynamodbStreamRecord> events = new ArrayList<>();
        for (Record record : records()) {
            events.add(LambdaEvents.toLambda(record));
        }
        return events;
    }

    private List<Record> records() {
        return StreamRecords.read(streams, endpoint.tableName(), namespace + "#");
    }

    /**
     * The position of the bucket's last record. Moto writes an update that creates an item as two INSERT records,
     * the first holding only the keys (DynamoDB writes one); the last one carries the charge.
     */
    private int indexOfBucket(List<DynamodbStreamRecord> batch, String entity) {
        String pk = namespace + "#B#" + entity + "#gpt-4";
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i).getDynamodb().getKeys().get("pk").getS().equals(pk)) {
                return i;
            }
        }
        throw new IllegalStateException("no record of bucket " + pk);
    }

    private static DynamodbStreamRecord withCounter(DynamodbStreamRecord record, AttributeValue counter) {
        DynamodbStreamRecord copy = record.clone();
        copy.setDynamodb(record.getDynamodb().clone());
        Map<String, AttributeValue> image = new TreeMap<>(record.getDynamodb().getNewImage());
        image.put("c_tpm", counter);
        copy.getDynamodb().setNewImage(image);
        return copy;
    }

    /** The entity's usage summed over the windows its records fall in; no snapshot may lie in another window. */
    private void assertUsage(String entity, UsageWindow window, long requests, Map<String, Long> amounts) {
        List<Instant> starts = records().stream()
                .filter(record -> record.dynamodb().keys().get("pk").s().equals(namespace + "#B#" + entity + "#gpt-4"))
                .map(record -> window.startOf(record.dynamodb().approximateCreationDateTime())).toList();
        List<UsageSnapshot> snapshots = snapshots(window, entity);
        assertThat(snapshots).extracting(UsageSnapshot::start).isSubsetOf(starts);
        assertThat(snapshots.stream().mapToLong(UsageSnapshot::requests).sum()).isEqualTo(requests);
        Map<String, Long> summed = new TreeMap<>();
        snapshots.forEach(s -> s.amounts().forEach((name, amount) -> summed.merge(name, amount, Long::sum)));
        assertThat(summed).containsExactlyInAnyOrderEntriesOf(amounts);
    }

    private List<UsageSnapshot> snapshots(UsageWindow window, String entity) {
        Instant now = Instant.now(); // moto stamps records with its wall clock; two days either side covers them
        return reader.entityUsage(namespace, entity, window, now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(2)));
    }

    private static AcquireRequest call(String entity, long tokens) {
        return AcquireRequest.of(entity, "gpt-4").consume("rpm", 1).consume("tpm", tokens);
    }
}
