package dev.limiter.dynamodb;

import dev.limiter.backend.Backend;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.CheckContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.time.InstantSource;

@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbCheckContractTest extends CheckContract {

    private final TestTable table;

    DynamoDbCheckContractTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @Override
    protected Backend newBackend(InstantSource clock) {
        return table.backend();
    }

    @AfterAll
    void closeTable() {
        table.close();
    }
}
