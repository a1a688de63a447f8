package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * {@code ClientRequestToken} idempotency of the strict engine against the TransactWriteItems reference: for 10
 * minutes after the first request with a token completed, the same request succeeds without being applied again,
 * and a different request with that token fails with {@code IdempotentParameterMismatchException}. moto alone
 * ignores the token (see {@link MotoTransactionsTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictIdempotencyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private StrictFixture strict;

    @BeforeAll
    void start() {
        strict = StrictFixture.start(StrictIdempotencyTest.class);
    }

    @AfterAll
    void stop() {
        strict.close();
    }

    @AfterEach
    void reset() {
        strict.control.releaseHeld(strict.table());
        strict.control.reset(strict.table());
    }

    @Test
    void transactWrite_sameTokenAndRequestTwice_appliesOnceAndSucceedsTwice() {
        transact("token-same", strict.add("same"));

        transact("token-same", strict.add("same"));

        assertThat(strict.counter("same")).isEqualTo("1");
        assertThat(strict.control.stats(strict.table()).idempotentReplays()).isEqualTo(1);
    }

    @Test
    void transactWrite_sameTokenOtherRequest_failsWithIdempotentParameterMismatch() {
        transact("token-other", strict.add("first"));

        assertThatThrownBy(() -> transact("token-other", strict.add("second")))
                .isInstanceOfSatisfying(IdempotentParameterMismatchException.class, mismatch ->
                        assertThat(mismatch.awsErrorDetails().errorCode())
                                .isEqualTo("IdempotentParameterMismatchException"));

        assertThat(strict.counter("second")).isNull();
    }

    @Test
    void transactWrite_sameTokenAfterTheWindow_isANewRequest() {
        strict.control.idempotencyWindow(strict.table(), Duration.ZERO);
        transact("token-expired", strict.add("expired"));

        transact("token-expired", strict.add("expired"));

        assertThat(strict.counter("expired")).isEqualTo("2");
    }

    @Test
    void transactWrite_tokenOfARunningTransaction_failsWithTransactionInProgress() {
        strict.control.holdTransactions(strict.table(), Duration.ofMinutes(2));
        CompletableFuture<TransactWriteItemsResponse> running = strict.async.transactWriteItems(request -> request
                .transactItems(strict.add("running")).clientRequestToken("token-running"));
        strict.control.awaitHolding(strict.table(), 1, WAIT);

        assertThatThrownBy(() -> transact("token-running", strict.add("running")))
                .isInstanceOf(TransactionInProgressException.class);

        strict.control.releaseHeld(strict.table());
        assertThat(running).succeedsWithin(WAIT);
        assertThat(strict.counter("running")).isEqualTo("1");
    }

    @Test
    void transactWrite_tokenOfACancelledTransaction_canBeUsedAgain() {
        TransactWriteItem failing = TransactWriteItem.builder().conditionCheck(check -> check
                .tableName(strict.table()).key(TestTables.key("absent")).conditionExpression("attribute_exists(pk)"))
                .build();
        assertThatThrownBy(() -> transact("token-cancelled", failing)).isInstanceOf(TransactionCanceledException.class);

        transact("token-cancelled", strict.add("after-cancel"));

        assertThat(strict.counter("after-cancel")).isEqualTo("1");
    }

    @Test
    void transactWrite_noToken_appliesEveryTime() {
        strict.once.transactWriteItems(request -> request.transactItems(strict.add("tokenless")));

        strict.once.transactWriteItems(request -> request.transactItems(strict.add("tokenless")));

        assertThat(strict.counter("tokenless")).isEqualTo("2");
    }

    private void transact(String token, TransactWriteItem... items) {
        strict.once.transactWriteItems(request -> request.transactItems(items).clientRequestToken(token));
    }
}
