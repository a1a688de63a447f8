package dev.limiter.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TableCommandTest;
import dev.limiter.cli.TestTable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code limiter explain} and {@code limiter acquire} against moto. */
class StatusCommandsTest extends TableCommandTest {

    private String namespace;

    StatusCommandsTest(DynamoDbTestEndpoint endpoint) {
        super(endpoint);
    }

    /** acme (rpm 100/min) with a cascading team (rpm 10/min, a day-long tpm for gpt-4o, rps 4/s for fast). */
    @BeforeEach
    void organisation() {
        namespace = TestTable.freshNamespace("status");
        RateLimiter limiter = table.limiter(namespace);
        limiter.entities().put(Entity.root("acme"));
        limiter.entities().put(Entity.child("team", "acme").withCascade(true));
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("tpm", 1_000)));
        limiter.configs().set(ConfigScope.entityDefault("acme"), LimitConfig.of(Limit.perMinute("rpm", 100)));
        limiter.configs().set(ConfigScope.entityDefault("team"), LimitConfig.of(Limit.perMinute("rpm", 10)));
        limiter.configs().set(ConfigScope.entityResource("team", "gpt-4o"),
                LimitConfig.of(Limit.of("tpm", 500, 500, Duration.ofDays(1))).withUnlimited("rpd"));
        limiter.configs().set(ConfigScope.entityResource("team", "fast"), LimitConfig.of(Limit.perSecond("rps", 4)));
    }

    @Test
    void explain_showsEachLimitsSourceAndBucketsAlongTheCascade() {
        CliRun run = table.run("explain", "team", "gpt-4o", "--namespace", namespace);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Limits of entity 'team' for resource 'gpt-4o' in namespace '" + namespace
                        + "':", "acme (charged by cascade)", "rpd: unlimited (set at entity+resource)")
                .containsPattern("(?m)^  tpm\\s+500/1d\\s+entity\\+resource\\s+500\\s+0\\s+0s$")
                .containsPattern("(?m)^  rpm\\s+10/1m\\s+entity default\\s+10\\s+0\\s+0s$")
                .containsPattern("(?m)^  tpm\\s+1000/1m\\s+namespace\\s+1000\\s+0\\s+0s$");
    }

    @Test
    void acquire_granted_printsTokensLeftAndCommits() {
        CliRun run = table.run("acquire", "team", "gpt-4o", "-c", "rpm=1", "-c", "tpm=100", "--namespace", namespace);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("GRANTED entity 'team' resource 'gpt-4o'", "committed")
                .containsPattern("(?m)^  team\\s+tpm\\s+500/1d\\s+100\\s+400\\s+-$")
                .containsPattern("(?m)^  acme\\s+rpm\\s+100/1m\\s+1\\s+99\\s+-$");
        assertThat(table.run("explain", "team", "gpt-4o", "--namespace", namespace).out())
                .containsPattern("(?m)^  tpm\\s+500/1d\\s+entity\\+resource\\s+400\\s+0\\s+");
    }

    @Test
    void acquire_rejected_printsRetryAfter_exitsLimitExceeded() {
        table.run("acquire", "team", "gpt-4o", "-c", "tpm=450", "--namespace", namespace);

        CliRun run = table.run("acquire", "team", "gpt-4o", "-c", "tpm=100", "--namespace", namespace);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.LIMIT_EXCEEDED);
        assertThat(run.out()).contains("REJECTED entity 'team' resource 'gpt-4o': retry after ",
                "nothing was charged").containsPattern("(?m)^  team\\s+tpm\\s+500/1d\\s+100\\s+50\\s+\\d+h\\d+m$");
    }

    @Test
    void acquire_json_carriesTheDecisionAndStatuses() throws Exception {
        CliRun run = table.run("acquire", "team", "gpt-4o", "-c", "rpm=1", "--namespace", namespace, "-o", "json");

        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.path("decision").asText()).isEqualTo("granted");
        assertThat(document.path("statuses")).hasSize(2);
    }

    @Test
    void acquire_moreThanCapacity_exitsLimitExceededAsNeverGrantable() {
        CliRun run = table.run("acquire", "team", "gpt-4o", "-c", "tpm=501", "--namespace", namespace);

        assertThat(run.exitCode()).isEqualTo(ExitCode.LIMIT_EXCEEDED);
        assertThat(run.err()).contains("can never be granted: the limit's capacity is 500");
    }

    @Test
    void acquire_withWait_waitsForRefill() {
        table.run("acquire", "team", "fast", "-c", "rps=4", "--namespace", namespace);

        CliRun run = table.run("acquire", "team", "fast", "-c", "rps=1", "--wait", "10s", "--namespace", namespace);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("GRANTED");
    }

    @Test
    void acquire_withoutAmounts_isAUsageError() {
        CliRun run = CliRun.of("acquire", "team", "gpt-4o");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Missing required option: '--consume=LIMIT=AMOUNT'");
    }
}
