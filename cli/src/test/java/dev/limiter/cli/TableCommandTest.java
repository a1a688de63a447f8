package dev.limiter.cli;

import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session shared by CLI tests that run commands against one table per class: the class's {@link TestTable},
 * created through the CLI itself ({@code limiter table create}) before the first test and closed after the last.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TableCommandTest {

    /** The class's table, created before the first test. */
    protected final TestTable table;

    /** A session on {@code endpoint}'s table for the subclass. */
    protected TableCommandTest(DynamoDbTestEndpoint endpoint) {
        this.table = new TestTable(endpoint);
    }

    @BeforeAll
    final void createTable() {
        CliRun create = table.run("table", "create");
        assertThat(create.exitCode()).as(create.output()).isEqualTo(ExitCode.OK);
    }

    @AfterAll
    final void closeTable() {
        table.close();
    }
}
