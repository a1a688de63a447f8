package dev.limiter.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.RateLimiter;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TestTable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10: {@code limiter explain} shows each limit's local allowance and the bound it implies; against moto. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAllowanceExplainTest {

    private final TestTable table;
    private String namespace;

    LocalAllowanceExplainTest(DynamoDbTestEndpoint endpoint) {
        this.table = new TestTable(endpoint);
    }

    @BeforeAll
    void createTable() {
        assertThat(table.run("table", "create").exitCode()).isEqualTo(ExitCode.OK);
    }

    /** acme: rpm 100/min with a quarter held at most 2 s; tpm 1000/min without an allowance. */
    @BeforeEach
    void organisation() {
        namespace = TestTable.freshNamespace("localx");
        RateLimiter limiter = table.limiter(namespace);
        limiter.entities().put(Entity.root("acme"));
        limiter.configs().set(ConfigScope.entityDefault("acme"), LimitConfig.of(
                Limit.perMinute("rpm", 100).withLocalAllowance(LocalAllowance.of(0.25, Duration.ofSeconds(2))),
                Limit.perMinute("tpm", 1_000)));
    }

    @AfterAll
    void close() {
        table.close();
    }

    @Test
    void explain_limitWithAllowance_saysTheSettingTheBoundAndThatTheCliHoldsNone() {
        CliRun run = table.run("explain", "acme", "gpt-4o", "--namespace", namespace);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("  rpm: local allowance: each process may hold up to 25 tokens (25% of "
                        + "capacity) for at most 2s; over any window w the fleet admits at most "
                        + "100 + 100/1m x (w + 2s) tokens", LocalAllowanceView.NOT_HELD_HERE)
                .doesNotContain("tpm: local allowance");
    }

    @Test
    void explainJson_carriesTheAllowanceTyped() throws Exception {
        CliRun run = table.run("explain", "acme", "gpt-4o", "--namespace", namespace, "-o", "json");

        JsonNode limits = new ObjectMapper().readTree(run.out()).path("buckets").get(0).path("limits");
        JsonNode rpm = limits.get(0).path("name").asText().equals("rpm") ? limits.get(0) : limits.get(1);
        JsonNode tpm = limits.get(0) == rpm ? limits.get(1) : limits.get(0);
        assertThat(rpm.path("local").path("enabled").asBoolean()).isTrue();
        assertThat(rpm.path("local").path("max_share").isNumber()).isTrue();
        assertThat(rpm.path("local").path("max_share").asDouble()).isEqualTo(0.25);
        assertThat(rpm.path("local").path("max_hold").asText()).isEqualTo("2s");
        assertThat(rpm.path("local").path("max_tokens_per_process").asLong()).isEqualTo(25);
        assertThat(rpm.path("local").path("held_by_this_process").asLong()).isZero();
        assertThat(tpm.path("local").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void explainYaml_isTheSameDocument() {
        CliRun run = table.run("explain", "acme", "gpt-4o", "--namespace", namespace, "-o", "yaml");

        Map<?, ?> document = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(run.out());
        List<?> buckets = (List<?>) document.get("buckets");
        List<?> limits = (List<?>) ((Map<?, ?>) buckets.get(0)).get("limits");
        assertThat(limits).anySatisfy(limit -> {
            Map<?, ?> local = (Map<?, ?>) ((Map<?, ?>) limit).get("local");
            assertThat(local.get("max_share")).isEqualTo(0.25);
            assertThat(local.get("max_tokens_per_process")).isEqualTo(25);
        });
    }
}
