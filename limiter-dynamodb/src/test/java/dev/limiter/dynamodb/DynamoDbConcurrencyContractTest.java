package dev.limiter.dynamodb;

import dev.limiter.backend.Backend;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.ConcurrencyContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.time.InstantSource;

@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbConcurrencyContractTest extends ConcurrencyContract {

    private final TestTable table;

    DynamoDbConcurrencyContractTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @Override
    protected Backend newBackend(InstantSource clock) {
        return table.backend();
    }

    @Override
    protected int rounds() {
        return 40;
    }

    @AfterAll
    void closeTable() {
        table.close();
    }
}
