package dev.limiter.localstack;

import static dev.limiter.localstack.TestTables.key;
import static dev.limiter.localstack.TestTables.n;
import static dev.limiter.localstack.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Epoch-microsecond TATs have 16 digits, epoch nanoseconds 19: arithmetic and comparisons on them must be exact
 * (a double keeps only ~16 digits). Real DynamoDB is exact to 38 digits; so is moto 5.2.1 (Python Decimal).
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoLargeNumbersTest {

    private static final String NINETEEN_DIGITS = "1764070000123456789";

    private DynamoDbTestEndpoint endpoint;
    private DynamoDbClient client;

    @BeforeAll
    void createTable(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.newSyncClient();
        TestTables.createWithStream(client, endpoint.tableName());
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    @Test
    void add_toNineteenDigitValue_isExact() {
        put("add19", NINETEEN_DIGITS);

        Map<String, AttributeValue> updated = add("add19", "5", "", Map.of());

        assertThat(updated).containsEntry("tat", n("1764070000123456794"));
    }

    @Test
    void add_twentyDigitIncrement_isExact() {
        put("add20", NINETEEN_DIGITS);

        Map<String, AttributeValue> updated = add("add20", "12345678901234567890", "", Map.of());

        assertThat(updated).containsEntry("tat", n("14109748901358024679"));
    }

    @Test
    void between_boundsIncludingValue_passes() {
        put("between-in", NINETEEN_DIGITS);

        Map<String, AttributeValue> updated = add("between-in", "5", "tat BETWEEN :lo AND :hi",
                Map.of(":lo", n(NINETEEN_DIGITS), ":hi", n("1764070000123456790")));

        assertThat(updated).containsEntry("tat", n("1764070000123456794"));
    }

    @Test
    void between_lowerBoundOneAboveValue_failsTheCondition() {
        put("between-above", NINETEEN_DIGITS);

        assertThatThrownBy(() -> add("between-above", "5", "tat BETWEEN :lo AND :hi",
                Map.of(":lo", n("1764070000123456790"), ":hi", n("1764070000123456799"))))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void lessOrEqual_boundOneBelowValue_failsTheCondition() {
        put("le-below", NINETEEN_DIGITS);

        assertThatThrownBy(() -> add("le-below", "5", "tat <= :hi", Map.of(":hi", n("1764070000123456788"))))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void greaterThan_boundOneBelowValue_passes() {
        put("gt-below", NINETEEN_DIGITS);

        Map<String, AttributeValue> updated =
                add("gt-below", "1", "tat > :lo", Map.of(":lo", n("1764070000123456788")));

        assertThat(updated).containsEntry("tat", n("1764070000123456790"));
    }

    @Test
    void add_resultWithThirtyNineDigits_motoAcceptsIt() {
        assumeTrue(endpoint.kind() == EndpointKind.MOTO, "a moto-only deviation: DynamoDB rejects > 38 digits");
        put("add39", "1");

        Map<String, AttributeValue> updated = add("add39", "9".repeat(39), "", Map.of());

        assertThat(updated).containsEntry("tat", n("1" + "0".repeat(39)));
    }

    private void put(String pk, String tat) {
        client.putItem(request -> request.tableName(endpoint.tableName()).item(Map.of("pk", s(pk), "tat", n(tat))));
    }

    private Map<String, AttributeValue> add(
            String pk, String increment, String condition, Map<String, AttributeValue> conditionValues) {
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        values.put(":inc", n(increment));
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(endpoint.tableName()).key(key(pk))
                .updateExpression("ADD tat :inc")
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.UPDATED_NEW);
        if (!condition.isEmpty()) {
            request.conditionExpression(condition);
        }
        return client.updateItem(request.build()).attributes();
    }
}
