package dev.limiter.provision;

import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13: a corrupt stored configuration is reported by plan and export, naming the item, never skipped. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorruptLiveStateTest {

    private final TestTable table;
    private final LimitsProvisioning engine;

    CorruptLiveStateTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
        this.engine = new LimitsProvisioning(table.client(), table.name(), 8);
    }

    @AfterAll
    void closeClient() {
        table.close();
    }

    @Test
    void live_configWhoseLimitsAreNotAMap_isReportedWithItsKey() {
        String namespace = TestTable.uniqueNamespace("corrupt");
        RateLimiter limiter = RateLimiter.builder().backend(table.backend()).namespace(namespace).build();
        limiter.configs().set(ConfigScope.resource("gpt-4o"), LimitConfig.of(Limit.perMinute("rpm", 5)));
        Futures.join(table.client().updateItem(UpdateItemRequest.builder().tableName(table.name())
                .key(Keys.config(namespace, ConfigScope.resource("gpt-4o")).toAttributes())
                .updateExpression("SET #l = :bad").expressionAttributeNames(Map.of("#l", Attributes.LIMITS))
                .expressionAttributeValues(Map.of(":bad", AttributeValue.fromS("oops"))).build()));

        assertThatThrownBy(() -> engine.export(namespace, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("corrupt item " + namespace + "#C / R#gpt-4o")
                .hasMessageContaining("are not a map");
    }
}
