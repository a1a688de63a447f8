package dev.limiter.localstack;

import static dev.limiter.localstack.TestTables.key;
import static dev.limiter.localstack.TestTables.n;
import static dev.limiter.localstack.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Validation limits the strict engine adds to moto, as DynamoDB documents them (Constraints.html, "Expression
 * parameters" and "Data types"): expressions of at most 4 KB and 300 operators or functions, BETWEEN bounds in
 * order, numbers of at most 38 significant digits within 1E-130 .. 9.99..E+125.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictValidationTest {

    private static final int MAX_EXPRESSION_BYTES = 4096;

    private StrictFixture strict;

    @BeforeAll
    void start() {
        strict = StrictFixture.start(StrictValidationTest.class);
    }

    @AfterAll
    void stop() {
        strict.close();
    }

    @Test
    void putItem_conditionOf4097Bytes_failsValidationNamingTheSize() {
        String condition = padded("attribute_not_exists(pk)", MAX_EXPRESSION_BYTES + 1);

        assertThatThrownBy(() -> conditionalPut("too-long", condition))
                .isInstanceOfSatisfying(DynamoDbException.class, failure -> {
                    assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(failure.awsErrorDetails().errorMessage()).isEqualTo("Invalid ConditionExpression: "
                            + "Expression size has exceeded the maximum allowed size; expression size: 4097");
                });
    }

    @Test
    void putItem_conditionOfExactly4096Bytes_isAccepted() {
        conditionalPut("just-fits", padded("attribute_not_exists(pk)", MAX_EXPRESSION_BYTES));

        assertThat(strict.once.getItem(request -> request.tableName(strict.table()).key(key("just-fits")))
                .hasItem()).isTrue();
    }

    @Test
    void updateItem_301Operators_failsValidationNamingTheCount() {
        assertThatThrownBy(() -> setAttributes("too-many", 301))
                .isInstanceOfSatisfying(DynamoDbException.class, failure -> assertThat(
                        failure.awsErrorDetails().errorMessage()).startsWith("Invalid UpdateExpression: The expression "
                        + "contains too many operators; operator count: 301"));
    }

    @Test
    void updateItem_300Operators_isAccepted() {
        setAttributes("at-limit", 300);

        assertThat(strict.once.getItem(request -> request.tableName(strict.table()).key(key("at-limit")))
                .item()).hasSize(301);
    }

    @Test
    void putItem_betweenWithInvertedBounds_failsValidationNamingBothBounds() {
        strict.put("between", "5");

        assertThatThrownBy(() -> strict.once.putItem(request -> request.tableName(strict.table())
                .item(Map.of("pk", s("between"), "n", n("6"))).conditionExpression("n BETWEEN :high AND :low")
                .expressionAttributeValues(Map.of(":high", n("10"), ":low", n("1")))))
                .isInstanceOfSatisfying(DynamoDbException.class, failure -> assertThat(
                        failure.awsErrorDetails().errorMessage()).isEqualTo("Invalid ConditionExpression: The BETWEEN "
                        + "operator requires upper bound to be greater than or equal to lower bound; lower bound "
                        + "operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:1}"));
    }

    @Test
    void putItem_betweenWithOrderedBounds_evaluatesTheCondition() {
        strict.put("between-ok", "5");

        strict.once.putItem(request -> request.tableName(strict.table())
                .item(Map.of("pk", s("between-ok"), "n", n("6"))).conditionExpression("n BETWEEN :low AND :high")
                .expressionAttributeValues(Map.of(":high", n("10"), ":low", n("1"))));

        assertThat(strict.counter("between-ok")).isEqualTo("6");
    }

    @Test
    void putItem_numberWith39SignificantDigits_failsValidation() {
        assertThatThrownBy(() -> strict.put("digits-39", "1" + "0".repeat(37) + "1"))
                .isInstanceOfSatisfying(DynamoDbException.class, failure -> assertThat(
                        failure.awsErrorDetails().errorMessage())
                        .isEqualTo("Attempting to store more than 38 significant digits in a Number"));
    }

    @Test
    void putItem_numberWith38SignificantDigitsAndTrailingZeros_isAccepted() {
        String digits = "9".repeat(38) + "000";

        strict.put("digits-38", digits);

        assertThat(strict.counter("digits-38")).isEqualTo(digits);
    }

    @Test
    void updateItem_valueAboveTheMaximumMagnitude_failsWithNumberOverflow() {
        assertThatThrownBy(() -> strict.once.updateItem(request -> request.tableName(strict.table())
                .key(key("overflow")).updateExpression("SET n = :big")
                .expressionAttributeValues(Map.of(":big", n("1E126")))))
                .isInstanceOfSatisfying(DynamoDbException.class, failure -> assertThat(
                        failure.awsErrorDetails().errorMessage()).startsWith("Number overflow."));
    }

    @Test
    void putItem_valueBelowTheMinimumMagnitude_failsWithNumberUnderflow() {
        assertThatThrownBy(() -> strict.put("underflow", "1E-131"))
                .isInstanceOfSatisfying(DynamoDbException.class, failure -> assertThat(
                        failure.awsErrorDetails().errorMessage()).startsWith("Number underflow."));
    }

    @Test
    void transactWrite_numberTooPreciseInsideATransaction_failsValidation() {
        assertThatThrownBy(() -> strict.once.transactWriteItems(request -> request.transactItems(
                TransactWriteItem.builder().put(put -> put
                        .tableName(strict.table()).item(Map.of("pk", s("tx-digits"), "n", n("1".repeat(39)))))
                        .build())))
                .isInstanceOfSatisfying(DynamoDbException.class, failure ->
                        assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    private void conditionalPut(String pk, String condition) {
        strict.once.putItem(request -> request.tableName(strict.table()).item(key(pk)).conditionExpression(condition));
    }

    private void setAttributes(String pk, int count) {
        Map<String, String> names = new HashMap<>();
        IntStream.range(0, count).forEach(i -> names.put("#a" + i, "a" + i));
        String expression = "SET " + IntStream.range(0, count).mapToObj(i -> "#a" + i + " = :v")
                .collect(Collectors.joining(", "));
        Map<String, AttributeValue> values = Map.of(":v", n("1"));
        strict.once.updateItem(request -> request.tableName(strict.table()).key(key(pk))
                .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values));
    }

    private static String padded(String expression, int bytes) {
        return expression + " ".repeat(bytes - expression.length());
    }
}
