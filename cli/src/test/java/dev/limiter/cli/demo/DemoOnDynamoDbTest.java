package dev.limiter.cli.demo;

import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code limiter demo --endpoint-url}: the same demo and bound checks on DynamoDB (moto). */
@WithDynamoDb
class DemoOnDynamoDbTest {

    @Test
    void demo_onAnEndpoint_createsItsTableAndHoldsEveryBound(DynamoDbTestEndpoint endpoint) {
        CliRun run = CliRun.with(Map.of(), "", "demo", "--endpoint-url", endpoint.endpoint().toString(),
                "--table", endpoint.tableName(), "--duration", "1s", "--workers", "3", "--users", "1", "--seed", "5");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Created the development table '" + endpoint.tableName() + "'.",
                "an LLM gateway on the DynamoDB table " + endpoint.tableName() + " (namespace demo-",
                "PASS  no limit exceeded");
    }
}
