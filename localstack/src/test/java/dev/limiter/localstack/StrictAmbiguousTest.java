package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Ambiguous failures of the strict engine: the request is applied, then the connection is dropped or HTTP 500 is
 * answered, as when DynamoDB applies a write whose response is lost. The SDK retries both, so a non-idempotent
 * write lands twice; a transaction with a {@code ClientRequestToken} lands once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictAmbiguousTest {

    private StrictFixture strict;

    @BeforeAll
    void start() {
        strict = StrictFixture.start(StrictAmbiguousTest.class);
    }

    @AfterAll
    void stop() {
        strict.close();
    }

    @AfterEach
    void reset() {
        strict.control.reset(strict.table());
    }

    @Test
    void updateItem_http500AfterApply_failsYetTheWriteLanded() {
        strict.control.failAfterApply(strict.table(), "UpdateItem", 1, AmbiguousFailure.HTTP_500);

        assertThatThrownBy(() -> strict.addOnce("landed-500"))
                .isInstanceOfSatisfying(DynamoDbException.class, failure -> {
                    assertThat(failure.statusCode()).isEqualTo(500);
                    assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                });

        assertThat(strict.counter("landed-500")).isEqualTo("1");
    }

    @Test
    void updateItem_connectionDroppedAfterApply_failsYetTheWriteLanded() {
        strict.control.failAfterApply(strict.table(), "UpdateItem", 1, AmbiguousFailure.DROP);

        assertThatThrownBy(() -> strict.addOnce("landed-drop")).isInstanceOf(SdkClientException.class);

        assertThat(strict.counter("landed-drop")).isEqualTo("1");
    }

    @Test
    void updateItem_sdkRetriesAfterAmbiguous500_appliesTwice() {
        strict.control.failAfterApply(strict.table(), "UpdateItem", 1, AmbiguousFailure.HTTP_500);

        strict.retrying.updateItem(request -> request.tableName(strict.table()).key(TestTables.key("doubled"))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", TestTables.n("1"))));

        assertThat(strict.counter("doubled")).isEqualTo("2");
        assertThat(strict.control.stats(strict.table()).ambiguousInjected()).isEqualTo(1);
    }

    @Test
    void transactWrite_sdkRetriesAfterDropWithToken_appliesOnce() {
        strict.control.failAfterApply(strict.table(), "TransactWriteItems", 1, AmbiguousFailure.DROP);

        strict.retrying.transactWriteItems(request -> request.transactItems(strict.add("token-once"))
                .clientRequestToken("ambiguous-token"));

        assertThat(strict.counter("token-once")).isEqualTo("1");
        assertThat(strict.control.stats(strict.table()).idempotentReplays()).isEqualTo(1);
    }

    @Test
    void failAfterApply_countTwo_failsTwoRequestsThenServesNormally() {
        strict.control.failAfterApply(strict.table(), "UpdateItem", 2, AmbiguousFailure.HTTP_500);
        assertThatThrownBy(() -> strict.addOnce("twice")).isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> strict.addOnce("twice")).isInstanceOf(DynamoDbException.class);

        strict.addOnce("twice");

        assertThat(strict.counter("twice")).isEqualTo("3");
    }

    @Test
    void failAfterApply_otherOperation_leavesUpdateItemAlone() {
        strict.control.failAfterApply(strict.table(), "PutItem", 1, AmbiguousFailure.HTTP_500);

        strict.addOnce("untouched");

        assertThat(strict.counter("untouched")).isEqualTo("1");
        assertThat(strict.control.stats(strict.table()).ambiguousInjected()).isZero();
    }
}
