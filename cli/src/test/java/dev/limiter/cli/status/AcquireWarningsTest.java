package dev.limiter.cli.status;

import dev.limiter.Limit;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: acquire's amounts are checked like any option, and an undeclared entity gets a warning; on moto. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcquireWarningsTest {

    private final TestTable table;
    private final String namespace = TestTable.freshNamespace("acq");

    AcquireWarningsTest(DynamoDbTestEndpoint endpoint) {
        this.table = new TestTable(endpoint);
    }

    @BeforeAll
    void limits() {
        assertThat(table.run("table", "create").exitCode()).isEqualTo(ExitCode.OK);
        table.limiter(namespace).entities().put(Entity.root("team"));
        table.limiter(namespace).configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("jobs", 10)));
    }

    @AfterAll
    void close() {
        table.close();
    }

    @Test
    void acquire_negativeAmount_isAUsageErrorLikeANonNumber() {
        CliRun negative = table.run("acquire", "team", "r", "-c", "jobs=-1", "--namespace", namespace);
        CliRun text = table.run("acquire", "team", "r", "-c", "jobs=abc", "--namespace", namespace);

        assertThat(negative.exitCode()).as(negative.output()).isEqualTo(ExitCode.USAGE).isEqualTo(text.exitCode());
        assertThat(negative.err()).contains("-c/--consume jobs=-1: the amount must be a positive whole number");
    }

    @Test
    void acquire_undeclaredEntity_warnsAndStillDecides() {
        CliRun run = table.run("acquire", "teem", "r", "-c", "jobs=1", "--namespace", namespace);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("warning: entity 'teem' is not declared in namespace '" + namespace + "'");
    }

    @Test
    void acquire_declaredEntity_doesNotWarn() {
        CliRun run = table.run("acquire", "team", "r", "-c", "jobs=1", "--namespace", namespace);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).doesNotContain("warning");
    }

    @Test
    void acquire_unknownLimit_doesNotSuggestAJavaMethod() {
        CliRun run = table.run("acquire", "team", "r", "-c", "jbos=1", "--namespace", namespace);

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("no limit called 'jbos'", "(known: [jobs])").doesNotContain("AcquireRequest");
    }
}
