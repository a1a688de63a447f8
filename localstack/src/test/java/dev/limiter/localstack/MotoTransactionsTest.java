package dev.limiter.localstack;

import static dev.limiter.localstack.TestTables.key;
import static dev.limiter.localstack.TestTables.n;
import static dev.limiter.localstack.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactWriteItems as the cascade path uses it. Cancellation reasons with old items hold on real DynamoDB and
 * on moto 5.2.1; ClientRequestToken idempotency does not hold on moto 5.2.1 (tests marked moto-only say so).
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoTransactionsTest {

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
    void transactWrite_secondConditionFailsWithAllOld_reasonsCarryTheOldItemOfTheFailedAction() {
        put("reasons-a", "1");
        put("reasons-b", "1");

        TransactionCanceledException failure = catchThrowableOfType(TransactionCanceledException.class,
                () -> transact(addIfEquals("reasons-a", "1"), addIfEquals("reasons-b", "9")));

        List<CancellationReason> reasons = failure.cancellationReasons();
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0).code()).isEqualTo("None");
        assertThat(reasons.get(0).hasItem()).isFalse();
        assertThat(reasons.get(1).code()).isEqualTo("ConditionalCheckFailed");
        assertThat(reasons.get(1).item()).isEqualTo(Map.of("pk", s("reasons-b"), "n", n("1")));
    }

    @Test
    void transactWrite_conditionFails_writesNothing() {
        put("atomic-a", "1");
        put("atomic-b", "1");

        assertThatThrownBy(() -> transact(addIfEquals("atomic-a", "1"), addIfEquals("atomic-b", "9")))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(counter("atomic-a")).isEqualTo("1");
    }

    @Test
    void transactWrite_conditionFailsOnMissingItem_reasonHasNoItem() {
        TransactionCanceledException failure = catchThrowableOfType(TransactionCanceledException.class,
                () -> transact(addIfEquals("missing", "1")));

        assertThat(failure.cancellationReasons()).singleElement()
                .satisfies(reason -> assertThat(reason.code()).isEqualTo("ConditionalCheckFailed"))
                .satisfies(reason -> assertThat(reason.hasItem()).isFalse());
    }

    @Test
    void transactWrite_twoActionsOnOneItem_failsValidation() {
        put("twice", "1");

        assertThatThrownBy(() -> transact(addIfEquals("twice", "1"), addIfEquals("twice", "1")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("multiple operations on one item");
    }

    @Test
    void transactWrite_sameTokenAndItemsTwice_motoAppliesBoth() {
        assumeTrue(endpoint.kind() == EndpointKind.MOTO, "moto-only deviation: DynamoDB applies the token once");
        put("token-same", "1");

        transactWithToken("token-1", add("token-same"));

        transactWithToken("token-1", add("token-same"));

        assertThat(counter("token-same")).isEqualTo("3");
    }

    @Test
    void transactWrite_sameTokenDifferentItems_motoAcceptsWithoutMismatchError() {
        assumeTrue(endpoint.kind() == EndpointKind.MOTO,
                "moto-only deviation: DynamoDB throws IdempotentParameterMismatchException");
        put("token-x", "1");
        put("token-y", "1");
        transactWithToken("token-2", add("token-x"));

        transactWithToken("token-2", add("token-y"));

        assertThat(counter("token-y")).isEqualTo("2");
    }

    private void put(String pk, String counter) {
        client.putItem(request -> request.tableName(endpoint.tableName()).item(Map.of("pk", s(pk), "n", n(counter))));
    }

    private String counter(String pk) {
        return client.getItem(request -> request.tableName(endpoint.tableName()).key(key(pk)).consistentRead(true))
                .item().get("n").n();
    }

    private TransactWriteItem addIfEquals(String pk, String expected) {
        return TransactWriteItem.builder().update(update -> update.tableName(endpoint.tableName()).key(key(pk))
                .updateExpression("ADD n :one")
                .conditionExpression("n = :expected")
                .expressionAttributeValues(Map.<String, AttributeValue>of(":one", n("1"), ":expected", n(expected)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build();
    }

    private TransactWriteItem add(String pk) {
        return TransactWriteItem.builder().update(update -> update.tableName(endpoint.tableName()).key(key(pk))
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", n("1"))))
                .build();
    }

    private void transact(TransactWriteItem... items) {
        client.transactWriteItems(request -> request.transactItems(items));
    }

    private void transactWithToken(String token, TransactWriteItem... items) {
        client.transactWriteItems(request -> request.transactItems(items).clientRequestToken(token));
    }
}
