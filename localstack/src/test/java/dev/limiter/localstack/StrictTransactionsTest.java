package dev.limiter.localstack;

import static dev.limiter.localstack.TestTables.key;
import static dev.limiter.localstack.TestTables.n;
import static dev.limiter.localstack.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The strict engine's transaction holds against DynamoDB's documented conflict handling ("Transaction conflict
 * handling in DynamoDB", developer guide, transaction-apis.html). Each test holds a transaction until it releases
 * it, so the order of events is set by the test, not by timing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictTransactionsTest {

    private static final Duration UNTIL_RELEASED = Duration.ofMinutes(2);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private StrictFixture strict;

    @BeforeAll
    void start() {
        strict = StrictFixture.start(StrictTransactionsTest.class);
    }

    @AfterAll
    void stop() {
        strict.close();
    }

    @BeforeEach
    void holdUntilReleased() {
        strict.control.holdTransactions(strict.table(), UNTIL_RELEASED);
    }

    @AfterEach
    void releaseAndReset() {
        strict.control.releaseHeld(strict.table());
        strict.control.reset(strict.table());
    }

    @Test
    void updateItem_itemHeldByTransaction_failsWithTransactionConflict() {
        strict.put("single-update", "1");
        CompletableFuture<TransactWriteItemsResponse> held = holdInBackground(strict.add("single-update"));

        assertThatThrownBy(() -> strict.addOnce("single-update"))
                .isInstanceOfSatisfying(TransactionConflictException.class, conflict -> {
                    assertThat(conflict.statusCode()).isEqualTo(400);
                    assertThat(conflict.awsErrorDetails().errorCode()).isEqualTo("TransactionConflictException");
                    assertThat(conflict.awsErrorDetails().errorMessage()).isEqualTo("Transaction is ongoing for the item.");
                });

        release(held);
        assertThat(strict.counter("single-update")).isEqualTo("2");
    }

    @Test
    void putItemAndDeleteItem_itemHeldByTransaction_bothConflict() {
        strict.put("single-put", "1");
        CompletableFuture<TransactWriteItemsResponse> held = holdInBackground(strict.add("single-put"));

        assertThatThrownBy(() -> strict.put("single-put", "7")).isInstanceOf(TransactionConflictException.class);
        assertThatThrownBy(() -> strict.once.deleteItem(request -> request.tableName(strict.table())
                .key(key("single-put")))).isInstanceOf(TransactionConflictException.class);

        release(held);
        assertThat(strict.counter("single-put")).isEqualTo("2");
    }

    @Test
    void transactWrite_overlapsHeldTransaction_cancelledWithConflictReasonAtTheOverlappingItem() {
        CompletableFuture<TransactWriteItemsResponse> held = holdInBackground(strict.add("overlap-held"));

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> strict.once.transactWriteItems(request -> request.transactItems(
                        strict.add("overlap-free"), strict.add("overlap-held"))));

        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "TransactionConflict");
        assertThat(cancelled.cancellationReasons().get(1).message()).isEqualTo("Transaction is ongoing for the item.");
        assertThat(cancelled.getMessage()).contains("[None, TransactionConflict]");
        release(held);
        assertThat(strict.counter("overlap-free")).as("a cancelled transaction writes nothing").isNull();
    }

    @Test
    void getItem_itemHeldByTransaction_seesTheLastCommittedState() {
        strict.put("read-held", "1");
        CompletableFuture<TransactWriteItemsResponse> held = holdInBackground(strict.add("read-held"));

        String duringHold = strict.counter("read-held");

        release(held);
        assertThat(duringHold).isEqualTo("1");
        assertThat(strict.counter("read-held")).isEqualTo("2");
    }

    @Test
    void updateItem_otherItemWhileTransactionHolds_isServed() {
        CompletableFuture<TransactWriteItemsResponse> held = holdInBackground(strict.add("busy-held"));

        strict.addOnce("busy-other");

        assertThat(strict.counter("busy-other")).isEqualTo("1");
        assertThat(held).isNotDone();
        release(held);
    }

    @Test
    void stats_afterTwoConflicts_countsBoth() {
        CompletableFuture<TransactWriteItemsResponse> held = holdInBackground(strict.add("stats-held"));
        assertThatThrownBy(() -> strict.addOnce("stats-held")).isInstanceOf(TransactionConflictException.class);
        assertThatThrownBy(() -> strict.once.transactWriteItems(request -> request.transactItems(
                strict.add("stats-held")))).isInstanceOf(TransactionCanceledException.class);

        StrictCounters counters = strict.control.stats(strict.table());

        assertThat(counters.conflicts()).isEqualTo(2);
        assertThat(counters.holding()).isEqualTo(1);
        release(held);
        assertThat(strict.control.stats().table(strict.table()).transactions()).isEqualTo(1);
    }

    @Test
    void transactWrite_conditionFailsAfterHold_cancelledWithConditionReasonAndOldItem() {
        strict.put("condition-held", "5");
        TransactWriteItem addIfOne = TransactWriteItem.builder().update(update -> update.tableName(strict.table())
                .key(key("condition-held")).updateExpression("ADD n :one").conditionExpression("n = :expected")
                .expressionAttributeValues(Map.of(":one", n("1"), ":expected", n("1")))
                .returnValuesOnConditionCheckFailure("ALL_OLD")).build();
        CompletableFuture<TransactWriteItemsResponse> held = holdInBackground(addIfOne);

        strict.control.releaseHeld(strict.table());

        assertThat(held).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingRootCause().isInstanceOfSatisfying(TransactionCanceledException.class, cancelled ->
                        assertThat(cancelled.cancellationReasons()).singleElement().satisfies(reason -> {
                            assertThat(reason.code()).isEqualTo("ConditionalCheckFailed");
                            assertThat(reason.item()).isEqualTo(Map.of("pk", s("condition-held"), "n", n("5")));
                        }));
    }

    @Test
    void transactWrite_defaultHold_commitsWithoutRelease() {
        strict.control.reset(strict.table());

        strict.once.transactWriteItems(request -> request.transactItems(strict.add("default-hold")));

        assertThat(strict.counter("default-hold")).isEqualTo("1");
    }

    private CompletableFuture<TransactWriteItemsResponse> holdInBackground(TransactWriteItem... items) {
        CompletableFuture<TransactWriteItemsResponse> held =
                strict.async.transactWriteItems(request -> request.transactItems(items));
        strict.control.awaitHolding(strict.table(), 1, WAIT);
        return held;
    }

    private void release(CompletableFuture<TransactWriteItemsResponse> held) {
        strict.control.releaseHeld(strict.table());
        assertThat(held).succeedsWithin(WAIT);
    }
}
