package dev.limiter.lambda.aggregator;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.limiter.dynamodb.testkit.UsageFixture;
import dev.limiter.dynamodb.usage.UsageAggregator;
import dev.limiter.dynamodb.usage.UsageSnapshot;
import dev.limiter.dynamodb.usage.UsageWindow;
import dev.limiter.entity.Entity;
import dev.limiter.lambda.TestContext;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.limiter.dynamodb.testkit.UsageFixture.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handler on events built from the real stream of a moto table that a limiter wrote to (see {@link UsageFixture}).
 * Records carry moto's wall-clock creation time, so expected windows come from the records themselves.
 */
@WithDynamoDb
@Timeout(90)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageAggregatorHandlerTest {

    private final UsageFixture usage;
    private final UsageAggregatorHandler handler;

    UsageAggregatorHandlerTest(DynamoDbTestEndpoint endpoint) {
        this.usage = new UsageFixture(endpoint);
        this.handler = new UsageAggregatorHandler(UsageAggregator.create(usage.table().client(), endpoint.tableName()));
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
    void handleRequest_cascadeTraffic_writesExactHourlyAndDailySnapshots() {
        usage.llmTraffic();
        List<Record> records = usage.records();

        StreamsEventResponse response = handler.handleRequest(LambdaEvents.eventOf(events(records)), new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        for (UsageWindow window : UsageWindow.values()) {
            for (String entity : List.of("user", "team", "org")) {
                usage.assertUsage(records, entity, window, 3, Map.of("rpm", 2L, "tpm", 1930L));
            }
            usage.assertUsage(records, "solo", window, 1, Map.of("rpm", 1L, "tpm", 50L));
        }
    }

    @Test
    void handleRequest_sameEventAgain_changesNoSnapshotAndLogsSkippedDuplicates() {
        usage.llmTraffic();
        List<Record> records = usage.records();
        List<DynamodbStreamRecord> batch = events(records);
        handler.handleRequest(LambdaEvents.eventOf(batch), new TestContext());
        TestContext context = new TestContext();

        StreamsEventResponse response = handler.handleRequest(LambdaEvents.eventOf(batch), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        usage.assertUsage(records, "org", UsageWindow.DAILY, 3, Map.of("rpm", 2L, "tpm", 1930L));
        // Eight keys (four buckets, hourly and daily), more if moto's clock crossed an hour meanwhile.
        assertThat(context.lines()).singleElement().asString()
                .startsWith("{\"level\":\"INFO\",\"event\":\"usage_batch\",\"requestId\":\"test-request\"")
                .contains("\"snapshotsWritten\":0", "\"failedRecords\":0")
                .containsPattern("\"skippedDuplicates\":([89]|1[0-2])[,}]");
    }

    @Test
    void handleRequest_poisonedRecordMidBatch_reportsItAloneThenCountsItOnceRedelivered() {
        usage.llmTraffic();
        List<Record> records = usage.records();
        List<DynamodbStreamRecord> batch = events(records);
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
        usage.assertUsage(records, "solo", UsageWindow.HOURLY, 1, Map.of("rpm", 1L, "tpm", 50L));
        usage.assertUsage(records, "user", UsageWindow.HOURLY, 3, Map.of("rpm", 2L, "tpm", 1930L));
    }

    @Test
    void handleRequest_unconvertibleRecord_appliesNothingAfterItSoTheRedeliveryCountsIt() {
        usage.llmTraffic();
        List<Record> records = usage.records();
        List<DynamodbStreamRecord> batch = events(records);
        String pk = usage.bucketPk("user");
        int user = 0;
        while (!batch.get(user).getDynamodb().getKeys().get("pk").getS().equals(pk)) {
            user++; // the user's first write: two more of it follow
        }
        List<DynamodbStreamRecord> broken = new ArrayList<>(batch);
        broken.set(user, batch.get(user).clone());
        broken.get(user).setEventName((String) null);

        StreamsEventResponse response = handler.handleRequest(LambdaEvents.eventOf(broken), new TestContext());
        handler.handleRequest(LambdaEvents.eventOf(batch.subList(user, batch.size())), new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(batch.get(user).getDynamodb().getSequenceNumber());
        usage.assertUsage(records, "user", UsageWindow.DAILY, 3, Map.of("rpm", 2L, "tpm", 1930L));
    }

    @Test
    void handleRequest_partialBatchFailure_publishesTheFailedRecordsAsAMetric() {
        usage.llmTraffic();
        List<DynamodbStreamRecord> batch = events(usage.records());
        int solo = indexOfBucket(batch, "solo");
        batch.set(solo, withCounter(batch.get(solo), new AttributeValue().withS("oops")));
        List<String> metrics = new ArrayList<>();
        UsageAggregatorHandler measured = new UsageAggregatorHandler(
                UsageAggregator.create(usage.table().client(), usage.table().name()), metrics::add,
                Map.of("AWS_LAMBDA_FUNCTION_NAME", "limiter-aggregator"));

        measured.handleRequest(LambdaEvents.eventOf(batch), new TestContext());

        assertThat(metrics).singleElement().asString().contains("\"Namespace\":\"Limiter\"",
                "\"FunctionName\":\"limiter-aggregator\"", "\"AggregatorFailedRecords\":1",
                "\"AggregatorSnapshotsWithGaps\":0");
    }

    @Test
    void handleRequest_ttlRemovalAndEntityRecords_areIgnored() {
        usage.limiter().entities().put(Entity.root("org"));
        usage.limiter().acquire(call("solo", 5)).commit();
        List<DynamodbStreamRecord> batch = new ArrayList<>(events(usage.records()));
        int solo = indexOfBucket(batch, "solo");
        batch.set(solo, LambdaEvents.asTtlRemoval(batch.get(solo)));
        TestContext context = new TestContext();

        StreamsEventResponse response = handler.handleRequest(LambdaEvents.eventOf(batch), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(usage.snapshots(UsageWindow.DAILY, "solo")).isEmpty();
        assertThat(context.lines().get(0)).contains("\"ignored\":" + batch.size(), "\"counted\":0");
    }

    @Test
    void handleRequest_eventJsonAsTheRuntimeParsesIt_countsTheInsertInItsHour() {
        StreamsEventResponse response = handler.handleRequest(
                EventLoader.loadDynamoDbEvent("events/bucket-insert-and-ttl-removal.json"), new TestContext());

        Instant ten = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(usage.reader().entityUsage("jsonevent", "user-7", UsageWindow.HOURLY, ten, ten.plusSeconds(1)))
                .containsExactly(new UsageSnapshot("jsonevent", "user-7", "gpt-4", UsageWindow.HOURLY, ten,
                        ten.plusSeconds(3600), 1, Map.of("tpm", 5L)));
    }

    @Test
    void handleRequest_recordWithoutSequenceNumber_failsTheInvocation() {
        usage.limiter().acquire(call("solo", 5)).commit();
        List<DynamodbStreamRecord> batch = events(usage.records());
        batch.get(0).getDynamodb().setSequenceNumber(null);

        assertThatThrownBy(() -> handler.handleRequest(LambdaEvents.eventOf(batch), new TestContext()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no sequence number");
    }

    private static List<DynamodbStreamRecord> events(List<Record> records) {
        List<DynamodbStreamRecord> events = new ArrayList<>();
        for (Record record : records) {
            events.add(LambdaEvents.toLambda(record));
        }
        return events;
    }

    /**
     * The position of the bucket's last record. Moto writes an update that creates an item as two INSERT records,
     * the first holding only the keys (DynamoDB writes one); the last one carries the charge.
     */
    private int indexOfBucket(List<DynamodbStreamRecord> batch, String entity) {
        String pk = usage.bucketPk(entity);
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
}
