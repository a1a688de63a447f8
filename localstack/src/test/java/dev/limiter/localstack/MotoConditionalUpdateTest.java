package dev.limiter.localstack;

import static dev.limiter.localstack.TestTables.key;
import static dev.limiter.localstack.TestTables.n;
import static dev.limiter.localstack.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * UpdateItem features of the limiter's hot path: the old image on a failed condition and the returned new
 * image. These hold on real DynamoDB and on moto 5.2.1.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoConditionalUpdateTest {

    private String table;
    private DynamoDbClient client;

    @BeforeAll
    void createTable(DynamoDbTestEndpoint endpoint) {
        this.table = endpoint.tableName();
        this.client = endpoint.newSyncClient();
        TestTables.createWithStream(client, table);
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    @Test
    void updateItem_failedConditionWithAllOld_exceptionCarriesOldItem() {
        client.putItem(request -> request.tableName(table).item(Map.of("pk", s("old-image"), "tat", n("10"))));

        ConditionalCheckFailedException failure = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> addTatIfBelow("old-image", "5", ReturnValuesOnConditionCheckFailure.ALL_OLD));

        assertThat(failure.hasItem()).isTrue();
        assertThat(failure.item()).isEqualTo(Map.of("pk", s("old-image"), "tat", n("10")));
    }

    @Test
    void updateItem_failedConditionWithoutAllOld_exceptionCarriesNoItem() {
        client.putItem(request -> request.tableName(table).item(Map.of("pk", s("no-image"), "tat", n("10"))));

        ConditionalCheckFailedException failure = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> addTatIfBelow("no-image", "5", ReturnValuesOnConditionCheckFailure.NONE));

        assertThat(failure.hasItem()).isFalse();
    }

    @Test
    void updateItem_failedConditionOnMissingItem_exceptionCarriesNoItem() {
        ConditionalCheckFailedException failure = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> client.updateItem(request -> request.tableName(table).key(key("absent"))
                        .updateExpression("ADD tat :inc")
                        .conditionExpression("attribute_exists(tat)")
                        .expressionAttributeValues(Map.of(":inc", n("1")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(failure.hasItem()).isFalse();
    }

    @Test
    void updateItem_returnValuesAllNew_returnsTheWholeNewItem() {
        client.putItem(request -> request.tableName(table).item(Map.of("pk", s("all-new"), "tat", n("1"), "c", n("7"))));

        Map<String, AttributeValue> attributes = client.updateItem(request -> request.tableName(table)
                .key(key("all-new"))
                .updateExpression("ADD tat :inc")
                .expressionAttributeValues(Map.of(":inc", n("2")))
                .returnValues(ReturnValue.ALL_NEW)).attributes();

        assertThat(attributes).isEqualTo(Map.of("pk", s("all-new"), "tat", n("3"), "c", n("7")));
    }

    @Test
    void updateItem_returnValuesUpdatedNew_returnsOnlyUpdatedAttributes() {
        client.putItem(request -> request.tableName(table).item(Map.of("pk", s("upd-new"), "tat", n("1"), "c", n("7"))));

        Map<String, AttributeValue> attributes = client.updateItem(request -> request.tableName(table)
                .key(key("upd-new"))
                .updateExpression("ADD tat :inc SET m = :m")
                .expressionAttributeValues(Map.of(":inc", n("2"), ":m", s("x")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();

        assertThat(attributes).isEqualTo(Map.of("tat", n("3"), "m", s("x")));
    }

    private void addTatIfBelow(String pk, String limit, ReturnValuesOnConditionCheckFailure onFailure) {
        client.updateItem(request -> request.tableName(table).key(key(pk))
                .updateExpression("ADD tat :inc")
                .conditionExpression("tat < :limit")
                .expressionAttributeValues(Map.of(":inc", n("1"), ":limit", n(limit)))
                .returnValuesOnConditionCheckFailure(onFailure));
    }
}
