package dev.limiter.cli.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TestTable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.usage.UsageWindow;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.StreamRecords;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code limiter aggregate} then {@code limiter usage} against moto: leases with adjustments, a rollback and a
 * cascade, written by a {@link RateLimiter} on the DynamoDB backend. The stream's records carry moto's wall-clock
 * creation time, so the expected window is the hour (and day) the records were written in; the traffic waits
 * until it is not about to cross an hour.
 */
@WithDynamoDb
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageCommandsTest {

    private static final DateTimeFormatter CHART_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final TestTable table;
    private final DynamoDbStreamsClient streams;
    private final String tableName;
    private final String namespace = TestTable.freshNamespace("usage");
    private CliRun firstAggregate;
    private Instant hour;
    private Instant day;

    UsageCommandsTest(DynamoDbTestEndpoint endpoint) {
        this.table = new TestTable(endpoint);
        this.streams = endpoint.newStreamsClient();
        this.tableName = endpoint.tableName();
    }

    @BeforeAll
    void trafficThenAggregate() throws InterruptedException {
        assertThat(table.run("table", "create").exitCode()).isEqualTo(ExitCode.OK);
        awayFromTheEndOfAnHour();
        llmTraffic(table.limiter(namespace));
        List<Record> records = StreamRecords.read(streams, tableName, namespace + "#");
        Instant created = records.get(records.size() - 1).dynamodb().approximateCreationDateTime();
        hour = UsageWindow.HOURLY.startOf(created);
        day = UsageWindow.DAILY.startOf(created);
        assertThat(records).allSatisfy(record -> assertThat(UsageWindow.HOURLY.startOf(
                record.dynamodb().approximateCreationDateTime())).isEqualTo(hour));
        firstAggregate = table.run("aggregate");
    }

    @AfterAll
    void close() {
        streams.close();
        table.close();
    }

    @Test
    void aggregate_caughtUp_printsALinePerPollAndTheSummary() {
        assertThat(firstAggregate.exitCode()).as(firstAggregate.output()).isEqualTo(ExitCode.OK);
        assertThat(firstAggregate.out()).startsWith("Aggregating stream arn:")
                .contains("of table '" + tableName + "' from trim-horizon")
                .containsPattern("(?m)^poll 1: \\d+ records, \\d+ counted, \\d+ snapshots written, 0 duplicates "
                        + "skipped, 0 failures, caught up$")
                .containsPattern("(?m)^Caught up: 1 poll, \\d+ records, .* 0 failures, 0 abandoned\\.$");
    }

    @Test
    void usage_entity_tableHasTheExactRequestsAndTokensOfTheHour() {
        CliRun run = usage("user");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("Usage of entity 'user', namespace '" + namespace + "'\nHourly windows from ")
                .containsPattern("(?m)^window start\\s+entity\\s+resource\\s+requests\\s+rpm\\s+tpm$")
                .containsPattern("(?m)^" + hour + "\\s+user\\s+gpt-4o\\s+3\\s+2\\s+1930$")
                .containsPattern("(?m)^" + hour + "\\s+user\\s+embeddings\\s+1\\s+1\\s+0$");
    }

    @Test
    void usage_entityAndResource_daily_listsThatResourceOnly() {
        CliRun run = usage("team", "--resource", "gpt-4o", "--window", "daily", "--since", "2d");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("Usage of entity 'team', resource 'gpt-4o', namespace '" + namespace + "'\nDaily windows from " + day.minus(Duration.ofDays(2)) + " to ")
                .containsPattern("(?m)^" + day + "\\s+team\\s+gpt-4o\\s+3\\s+2\\s+1930$")
                .doesNotContain("embeddings");
    }

    @Test
    void usage_resourceAcrossEntities_listsEveryChargedBucketByEntity() {
        CliRun run = usage("--resource", "gpt-4o");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("Usage of resource 'gpt-4o' across entities, namespace '" + namespace + "'");
        assertThat(dataLines(run)).containsExactly(
                row("org", 3, 2, 1930), row("solo", 1, 1, 50), row("team", 3, 2, 1930), row("user", 3, 2, 1930));
    }

    @Test
    void usage_json_carriesTheQueryAndEverySnapshot() throws Exception {
        CliRun run = usage("user", "--resource", "gpt-4o", "--output", "json");

        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.path("namespace").asText()).isEqualTo(namespace);
        assertThat(document.path("entity").asText()).isEqualTo("user");
        assertThat(document.path("resource").asText()).isEqualTo("gpt-4o");
        assertThat(document.path("window").asText()).isEqualTo("hourly");
        JsonNode snapshot = document.path("snapshots").get(0);
        assertThat(document.path("snapshots")).hasSize(1);
        assertThat(snapshot.path("start").asText()).isEqualTo(hour.toString());
        assertThat(snapshot.path("end").asText()).isEqualTo(hour.plus(Duration.ofHours(1)).toString());
        assertThat(snapshot.path("requests").asLong()).isEqualTo(3);
        assertThat(snapshot.path("amounts").path("rpm").asLong()).isEqualTo(2);
        assertThat(snapshot.path("amounts").path("tpm").asLong()).isEqualTo(1930);
    }

    @Test
    void aggregate_again_skipsEveryRecordAndChangesNoSnapshot() throws Exception {
        JsonNode before = snapshots();

        CliRun again = table.run("aggregate");

        assertThat(again.exitCode()).as(again.output()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).containsPattern("(?m)^poll 1: \\d+ records, \\d+ counted, 0 snapshots written, "
                + "[1-9]\\d* duplicates skipped, 0 failures, caught up$");
        assertThat(snapshots()).isEqualTo(before).hasSize(4);
    }

    @Test
    void usage_chart_drawsABarPerHourWithinEightyColumns() {
        CliRun run = usage("--resource", "gpt-4o", "--chart");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("org / gpt-4o: requests per hour (UTC), max 3",
                "solo / gpt-4o: requests per hour (UTC), max 1");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80))
                .contains(CHART_HOUR.format(hour) + " | " + "#".repeat(80 - 16 - 3 - 2) + " 3");
    }

    @Test
    void usage_chartOfALimit_drawsItsTokens() {
        CliRun run = usage("user", "--chart", "--limit", "tpm");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("user / gpt-4o: tpm per hour (UTC), max 1930",
                CHART_HOUR.format(hour) + " | " + "#".repeat(80 - 16 - 3 - 5) + " 1930",
                "user / embeddings: tpm per hour (UTC), max 0");
    }

    @Test
    void usage_nothingInTheRange_saysSoAndWhoWritesSnapshots() {
        CliRun run = usage("user", "--since", "2020-01-01", "--until", "2020-01-02");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("No usage of entity 'user' in namespace '" + namespace + "' in hourly "
                + "windows from 2020-01-01T00:00:00Z to 2020-01-02T00:00:00Z.").contains("'limiter aggregate'");
    }

    /**
     * Leases of a user whose team and org are charged too (rpm 2, tpm 1930 and 3 requests: a rollback is a request
     * with no net tokens), an embeddings call of the user, and one lease of an unrelated root.
     */
    private static void llmTraffic(RateLimiter limiter) {
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 100),
                Limit.perMinute("tpm", 100_000)));
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("team", "org").withCascade(true));
        limiter.entities().put(Entity.child("user", "team").withCascade(true));
        limiter.entities().put(Entity.root("solo"));
        Lease first = limiter.acquire(call("user", "gpt-4o", 500));
        first.adjust("tpm", 1230);
        first.commit();
        limiter.acquire(call("user", "gpt-4o", 200)).rollback();
        Lease third = limiter.acquire(call("user", "gpt-4o", 300));
        third.adjust("tpm", -100);
        third.commit();
        limiter.acquire(AcquireRequest.of("user", "embeddings").consume("rpm", 1)).commit();
        limiter.acquire(call("solo", "gpt-4o", 50)).commit();
    }

    private static AcquireRequest call(String entity, String resource, long tokens) {
        return AcquireRequest.of(entity, resource).consume("rpm", 1).consume("tpm", tokens);
    }

    /** Waits out the last 20 seconds of an hour, so that the traffic's records share one hour (and day). */
    private static void awayFromTheEndOfAnHour() throws InterruptedException {
        Instant now = Instant.now();
        Duration left = Duration.between(now, UsageWindow.HOURLY.startOf(now).plus(Duration.ofHours(1)));
        if (left.compareTo(Duration.ofSeconds(20)) < 0) {
            Thread.sleep(left.plusSeconds(1).toMillis());
        }
    }

    private CliRun usage(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "usage";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "--namespace";
        command[args.length + 2] = namespace;
        return table.run(command);
    }

    private JsonNode snapshots() throws Exception {
        return new ObjectMapper().readTree(usage("--resource", "gpt-4o", "--output", "json").out()).path("snapshots");
    }

    private List<String> dataLines(CliRun run) {
        return Arrays.stream(run.out().split("\n")).filter(line -> line.startsWith(hour.toString()))
                .map(line -> line.replaceAll("\\s+", " ")).toList();
    }

    private String row(String entity, long requests, long rpm, long tpm) {
        return hour + " " + entity + " gpt-4o " + requests + " " + rpm + " " + tpm;
    }
}
