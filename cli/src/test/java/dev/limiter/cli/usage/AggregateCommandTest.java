package dev.limiter.cli.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TestTable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code limiter aggregate}: following, JSON, start positions, abandoned records and its errors, against moto. */
@WithDynamoDb
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateCommandTest {

    private final DynamoDbTestEndpoint endpoint;
    private final TestTable table;
    private final DynamoDbClient client;
    private final String namespace = TestTable.freshNamespace("aggregate");

    AggregateCommandTest(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.table = new TestTable(endpoint);
        this.client = endpoint.newSyncClient();
    }

    @BeforeAll
    void tableWithTraffic() {
        assertThat(table.run("table", "create").exitCode()).isEqualTo(ExitCode.OK);
        RateLimiter limiter = table.limiter(namespace);
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 100)));
        limiter.acquire(AcquireRequest.of("solo", "gpt-4o").consume("rpm", 1)).commit();
    }

    @AfterAll
    void close() {
        client.close();
        table.close();
    }

    @Test
    void follow_withMaxPolls_endsByItselfAfterThatManyPolls() {
        CliRun run = table.run("aggregate", "--follow", "--max-polls", "2", "--interval", "100ms");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("; Ctrl-C stops").containsPattern("(?m)^poll 1: ")
                .containsPattern("(?m)^poll 2: 0 records, 0 counted, 0 snapshots written, 0 duplicates skipped, "
                        + "0 failures, caught up$")
                .containsPattern("(?m)^Stopped after --max-polls: 2 polls, ").doesNotContain("poll 3");
    }

    @Test
    void json_summaryOnStdout_pollLinesOnStderr() throws Exception {
        CliRun run = table.run("aggregate", "--output", "json");

        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(document.path("table").asText()).isEqualTo(endpoint.tableName());
        assertThat(document.path("stream").asText()).startsWith("arn:");
        assertThat(document.path("from").asText()).isEqualTo("trim-horizon");
        assertThat(document.path("outcome").asText()).isEqualTo("caught-up");
        assertThat(document.path("caught_up").asBoolean()).isTrue();
        assertThat(document.path("polls").asInt()).isEqualTo(1);
        assertThat(document.path("records").asLong()).isPositive();
        assertThat(document.get("abandoned")).as("abandoned").isNotNull().isEmpty();
        assertThat(run.err()).startsWith("Aggregating stream arn:").contains("poll 1: ");
    }

    @Test
    void fromLatest_readsNothingWrittenBefore() {
        CliRun run = table.run("aggregate", "--from", "latest");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(" from latest")
                .containsPattern("(?m)^poll 1: 0 records, 0 counted, 0 snapshots written, ");
    }

    @Test
    void poisonedRecord_isPrintedRetriedAndAbandoned_exitsOne() {
        String poisoned = endpoint.tableName("poisoned");
        assertThat(table.run("table", "create", "--table", poisoned).exitCode()).isEqualTo(ExitCode.OK);
        client.putItem(request -> request.tableName(poisoned).item(Map.of(
                Attributes.PK, AttributeValue.fromS(namespace + "#B#broken#gpt-4o"),
                Attributes.SK, AttributeValue.fromS("B"),
                Attributes.params("tpm"), AttributeValue.fromS("not-parameters"),
                Attributes.consumed("tpm"), AttributeValue.fromN("5"))));

        CliRun run = table.run("aggregate", "--table", poisoned);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).containsPattern("(?m)^poll 1: 1 records, 0 counted, 0 snapshots written, "
                        + "0 duplicates skipped, 1 failures$")
                .containsPattern("(?m)^  record \\d+ failed, retried by the next poll: .*not-parameters")
                .containsPattern("(?m)^  record \\d+ abandoned: abandoned after 3 attempts: .*not-parameters")
                .containsPattern("(?m)^Caught up: 4 polls, .* 3 failures, 1 abandoned\\.$");
        assertThat(run.err()).contains("limiter aggregate: error: 1 record was abandoned; its usage is not counted");
    }

    @Test
    void tableWithoutStream_failsNamingTheStream() {
        String plain = endpoint.tableName("nostream");
        client.createTable(request -> request.tableName(plain).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));

        CliRun run = table.run("aggregate", "--table", plain);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("limiter aggregate: error: table '" + plain + "' has no stream");
    }

    @Test
    void missingTable_failsNamingTheTable() {
        CliRun run = table.run("aggregate", "--table", endpoint.tableName("missing"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("table '" + endpoint.tableName("missing") + "' does not exist");
    }

    @Test
    void usage_missingTable_failsNamingTheTable() {
        CliRun run = table.run("usage", "solo", "--table", endpoint.tableName("missing"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("table '" + endpoint.tableName("missing") + "' does not exist");
    }

    @Test
    void invalidOptions_areUsageErrors() {
        CliRun zeroPolls = table.run("aggregate", "--max-polls", "0");
        CliRun position = table.run("aggregate", "--from", "oldest");
        CliRun interval = table.run("aggregate", "--follow", "--interval", "0s");

        assertThat(zeroPolls.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(zeroPolls.err()).contains("Invalid value for option '--max-polls': 0 must be at least 1");
        assertThat(position.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(position.err()).contains("'oldest' is not a stream position: use trim-horizon");
        assertThat(interval.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(interval.err()).contains("Invalid value for option '--interval': PT0S must be positive");
    }
}
