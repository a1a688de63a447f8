package dev.limiter.localstack;

import static dev.limiter.localstack.TestTables.key;
import static dev.limiter.localstack.TestTables.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The strict engine rolls a failed transaction back by restoring the items it touched and the stream's length,
 * instead of moto's deep copy of the whole table (issue 9, item 9). A cancelled transaction must leave items and
 * stream exactly as they were, as on DynamoDB (all or nothing). Items are put before they are updated: moto writes two
 * INSERT records for an update that creates an item (DynamoDB writes one), with either engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictRollbackTest {

    private StrictFixture strict;
    private DynamoDbStreamsClient streams;

    @BeforeAll
    void start() {
        strict = StrictFixture.start(StrictRollbackTest.class);
        streams = strict.endpoint.newStreamsClient();
    }

    @AfterAll
    void stop() {
        streams.close();
        strict.close();
    }

    @Test
    void transactWrite_secondConditionFails_firstUpdateUndoneAndNoStreamRecord() {
        strict.put("cond-a", "1");
        strict.put("cond-b", "1");

        assertThatThrownBy(() -> transact(strict.add("cond-a"), addIfEquals("cond-b", "9")))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(strict.counter("cond-a")).isEqualTo("1");
        assertThat(StreamRecords.read(streams, strict.table(), "cond-")).hasSize(2);
    }

    @Test
    void transactWrite_newItemThenConditionFails_newItemAbsent() {
        strict.put("new-b", "1");

        assertThatThrownBy(() -> transact(strict.add("new-a"), addIfEquals("new-b", "9")))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(strict.once.getItem(request -> request.tableName(strict.table()).key(key("new-a"))).hasItem())
                .isFalse();
        assertThat(StreamRecords.read(streams, strict.table(), "new-")).hasSize(1);
    }

    @Test
    void transactWrite_twoActionsOnOneItem_failsValidationAndWritesNothing() {
        assertThatThrownBy(() -> transact(strict.add("twice"), strict.add("twice")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("multiple operations on one item");

        assertThat(strict.once.getItem(request -> request.tableName(strict.table()).key(key("twice"))).hasItem())
                .isFalse();
    }

    @Test
    void transactWrite_succeeds_oneStreamRecordPerItem() {
        strict.put("ok-a", "0");
        strict.put("ok-b", "0");

        transact(strict.add("ok-a"), strict.add("ok-b"));

        assertThat(StreamRecords.read(streams, strict.table(), "ok-")).hasSize(4);
        assertThat(strict.counter("ok-a")).isEqualTo("1");
        assertThat(strict.counter("ok-b")).isEqualTo("1");
    }

    @Test
    void transactWrite_manyTransactionsThenAFailure_restoresOnlyTheFailedOnesItems() {
        strict.put("many-a", "0");
        strict.put("many-b", "0");
        for (int i = 0; i < 20; i++) {
            transact(strict.add("many-a"), strict.add("many-b"));
        }

        assertThatThrownBy(() -> transact(strict.add("many-a"), addIfEquals("many-b", "0")))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(strict.counter("many-a")).isEqualTo("20");
        assertThat(StreamRecords.read(streams, strict.table(), "many-")).hasSize(42);
    }

    private void transact(TransactWriteItem... items) {
        strict.once.transactWriteItems(request -> request.transactItems(items));
    }

    private TransactWriteItem addIfEquals(String pk, String expected) {
        return TransactWriteItem.builder().update(update -> update.tableName(strict.table()).key(key(pk))
                .updateExpression("ADD n :one").conditionExpression("n = :expected")
                .expressionAttributeValues(Map.of(":one", n("1"), ":expected", n(expected)))).build();
    }
}
