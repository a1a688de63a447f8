package dev.limiter.cli.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code limiter table create | describe | delete} against moto; each test uses its own table. */
@WithDynamoDb
class TableCommandTest {

    @Test
    void create_thenCreateAgain_createsOnceAndLeavesTheTableAlone(DynamoDbTestEndpoint endpoint) {
        Map<String, String> env = env(endpoint, endpoint.tableName("twice"));

        CliRun first = CliRun.with(env, "", "table", "create");
        CliRun second = CliRun.with(env, "", "table", "create");

        assertThat(first.exitCode()).as(first.output()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains("Created table '" + endpoint.tableName("twice") + "'.");
        assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(second.out()).contains("already exists; left as it is.");
    }

    @Test
    void describe_showsStatusStreamAndTtl(DynamoDbTestEndpoint endpoint) throws Exception {
        Map<String, String> env = env(endpoint, endpoint.tableName("describe"));
        CliRun.with(env, "", "table", "create");

        CliRun text = CliRun.with(env, "", "table", "describe");
        CliRun json = CliRun.with(env, "", "table", "describe", "--output", "json");

        assertThat(text.exitCode()).as(text.output()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("table:      " + endpoint.tableName("describe"), "status:     ACTIVE",
                "ttl:        ENABLED").containsPattern("stream:\\s+arn:aws:dynamodb:");
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.path("billing").asText()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void delete_answerNo_keepsTheTable(DynamoDbTestEndpoint endpoint) {
        Map<String, String> env = env(endpoint, endpoint.tableName("keep"));
        CliRun.with(env, "", "table", "create");

        CliRun delete = CliRun.with(env, "no\n", "table", "delete");

        assertThat(delete.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(delete.out()).contains("Delete table '" + endpoint.tableName("keep") + "' and everything in it?");
        assertThat(delete.err()).contains("Delete cancelled.");
        assertThat(CliRun.with(env, "", "table", "describe").exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void delete_yes_deletesTheTable_thenDescribeSaysItIsMissing(DynamoDbTestEndpoint endpoint) {
        Map<String, String> env = env(endpoint, endpoint.tableName("gone"));
        CliRun.with(env, "", "table", "create");

        CliRun delete = CliRun.with(env, "", "table", "delete", "--yes");
        CliRun describe = CliRun.with(env, "", "table", "describe");
        CliRun deleteAgain = CliRun.with(env, "", "table", "delete", "--yes");

        assertThat(delete.exitCode()).as(delete.output()).isEqualTo(ExitCode.OK);
        assertThat(delete.out()).contains("Deleted table '" + endpoint.tableName("gone") + "'.");
        assertThat(describe.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(describe.err()).contains("table '" + endpoint.tableName("gone") + "' does not exist (create it "
                + "with 'limiter table create')");
        assertThat(deleteAgain.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(deleteAgain.err()).contains("does not exist");
    }

    @Test
    void create_tableFromTheCommandLine_winsOverTheEnvironment(DynamoDbTestEndpoint endpoint) {
        Map<String, String> env = env(endpoint, endpoint.tableName("from-env"));

        CliRun run = CliRun.with(env, "", "--table", endpoint.tableName("from-option"), "table", "create");

        assertThat(run.out()).contains("Created table '" + endpoint.tableName("from-option") + "'.");
    }

    private static Map<String, String> env(DynamoDbTestEndpoint endpoint, String table) {
        return Map.of("LIMITER_TABLE", table, "AWS_ENDPOINT_URL_DYNAMODB", endpoint.endpoint().toString());
    }
}
