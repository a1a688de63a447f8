package dev.limiter.cli.usage;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TestTable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.usage.StreamPoller;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code limiter usage replay}: failure records of the on-failure queue replayed against moto's stream. */
@WithDynamoDb
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayCommandTest {

    private final TestTable table;
    private final DynamoDbStreamsClient streams;
    private final String namespace = TestTable.freshNamespace("replay");
    private String streamArn;
    private String shard;
    private Record acquire;

    @TempDir
    Path dir;

    ReplayCommandTest(DynamoDbTestEndpoint endpoint) {
        this.table = new TestTable(endpoint);
        this.streams = endpoint.newStreamsClient();
    }

    @BeforeAll
    void tableWithOneAcquire() {
        assertThat(table.run("table", "create").exitCode()).isEqualTo(ExitCode.OK);
        RateLimiter limiter = table.limiter(namespace);
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 100)));
        limiter.acquire(AcquireRequest.of("solo", "gpt-4o").consume("rpm", 1)).commit();
        streamArn = StreamPoller.latestStreamArn(streams, table.name()).orElseThrow();
        shard = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards().get(0)
                .shardId();
        String iterator = streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> records = streams.getRecords(request -> request.shardIterator(iterator)).records();
        acquire = records.stream().filter(record -> record.dynamodb().keys().get("sk").s().equals("B"))
                .reduce((first, second) -> second).orElseThrow();
    }

    @AfterAll
    void close() {
        streams.close();
        table.close();
    }

    @Test
    void replay_receiveMessageOutput_countsTheRangeOnceAndSaysSoWhenRepeated() throws IOException {
        Path file = Files.writeString(dir.resolve("failures.json"), "{\"Messages\": [{\"MessageId\": \"m1\", "
                + "\"Body\": " + quoted(body(streamArn, acquire.dynamodb().sequenceNumber())) + "}]}");

        CliRun first = table.run("usage", "replay", file.toString());
        CliRun again = table.run("usage", "replay", file.toString());

        assertThat(first.exitCode()).as(first.output()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains("shard " + shard, "1 records read, 1 counted, 2 snapshots written");
        assertThat(again.out()).contains("1 counted, 0 snapshots written, 2 already counted");
        CliRun usage = table.run("usage", "solo", "--namespace", namespace, "--window", "daily", "--output", "json");
        assertThat(usage.out()).contains("\"requests\" : 1");
    }

    @Test
    void replay_recordOfAnotherTable_failsNamingBothTables() throws IOException {
        String other = streamArn.replace(":table/" + table.name() + "/", ":table/limiter-elsewhere/");
        Path file = Files.writeString(dir.resolve("other.json"), body(other, "100"));

        CliRun run = table.run("usage", "replay", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("of table 'limiter-elsewhere'", "not of table '" + table.name() + "'",
                "--table limiter-elsewhere");
    }

    @Test
    void replay_notAFailureRecord_namesTheMissingObject() throws IOException {
        Path file = Files.writeString(dir.resolve("wrong.json"), "{\"requestContext\": {}}");

        CliRun run = table.run("usage", "replay", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("has no DDBStreamBatchInfo object", "requestContext");
    }

    @Test
    void replay_missingFile_saysItDoesNotExist() {
        CliRun run = table.run("usage", "replay", dir.resolve("absent.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("absent.json' does not exist");
    }

    /** An on-failure record as Lambda sends it for a DynamoDB stream batch of one record. */
    private String body(String arn, String sequence) {
        return "{\"requestContext\": {\"requestId\": \"r\", \"condition\": \"RetryAttemptsExhausted\", "
                + "\"approximateInvokeCount\": 6}, \"version\": \"1.0\", \"timestamp\": \"2026-03-01T10:05:00.000Z\", "
                + "\"DDBStreamBatchInfo\": {\"shardId\": \"" + shard + "\", \"startSequenceNumber\": \"" + sequence
                + "\", \"endSequenceNumber\": \"" + sequence + "\", \"approximateArrivalOfFirstRecord\": "
                + "\"2026-03-01T10:00:00Z\", \"approximateArrivalOfLastRecord\": \"2026-03-01T10:00:00Z\", "
                + "\"batchSize\": 1, \"streamArn\": \"" + arn + "\"}}";
    }

    private static String quoted(String json) {
        return '"' + json.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
