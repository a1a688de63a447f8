package dev.limiter.localstack;

import static dev.limiter.localstack.TestTables.key;
import static dev.limiter.localstack.TestTables.n;
import static dev.limiter.localstack.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Per-partition-key write throttling of the strict engine against DynamoDB's documented capacity units
 * (Constraints.html: 1 write unit per KB, 2 per KB per item in a transaction) and error shapes
 * (API_ThrottlingReason.html; TransactionCanceledException's ThrottlingError reason for on-demand tables).
 * A rate of 0.001 units per second leaves one unit in a fresh key's bucket and refills the next one after
 * 1,000 s, so "the second write is throttled" does not depend on how fast the test runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictThrottlingTest {

    private static final double ONE_WRITE_PER_KEY = 0.001;

    private StrictFixture strict;

    @BeforeAll
    void start() {
        strict = StrictFixture.start(StrictThrottlingTest.class);
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
    void putItem_secondWriteToKeyOnOnDemandTable_throttledWithKeyRangeReason() {
        strict.control.throttleWrites(strict.table(), ONE_WRITE_PER_KEY);
        strict.put("hot", "1");

        ThrottlingException throttled = catchThrowableOfType(ThrottlingException.class, () -> strict.put("hot", "2"));

        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.awsErrorDetails().errorMessage()).contains("check if you have a hot key");
        assertThat(throttled.throttlingReasons()).extracting(ThrottlingReason::reason)
                .containsExactly("TableWriteKeyRangeThroughputExceeded");
        assertThat(throttled.throttlingReasons().get(0).resource()).endsWith(":table/" + strict.table());
        assertThat(strict.counter("hot")).isEqualTo("1");
    }

    @Test
    void putItem_otherPartitionKey_isNotThrottled() {
        strict.control.throttleWrites(strict.table(), ONE_WRITE_PER_KEY);
        strict.put("busy", "1");

        strict.put("quiet", "1");

        assertThat(strict.counter("quiet")).isEqualTo("1");
        assertThat(strict.control.stats(strict.table()).throttles()).isZero();
    }

    @Test
    void updateItem_afterFailedConditionalWrite_throttledBecauseTheFailureCostAUnit() {
        strict.control.throttleWrites(strict.table(), ONE_WRITE_PER_KEY);
        assertThatThrownBy(() -> strict.once.putItem(request -> request.tableName(strict.table())
                .item(Map.of("pk", s("conditional"), "n", n("1"))).conditionExpression("attribute_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThatThrownBy(() -> strict.addOnce("conditional")).isInstanceOf(ThrottlingException.class);

        assertThat(strict.control.stats(strict.table()).throttles()).isEqualTo(1);
    }

    @Test
    void transactWrite_itemOnThrottledKey_cancelledWithThrottlingErrorAtThatItem() {
        strict.control.throttleWrites(strict.table(), ONE_WRITE_PER_KEY);
        strict.put("tx-hot", "1");

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> strict.once.transactWriteItems(request -> request.transactItems(
                        strict.add("tx-cold"), strict.add("tx-hot"))));

        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ThrottlingError");
        assertThat(cancelled.cancellationReasons().get(1).message()).startsWith("Throughput exceeds the current capacity");
        assertThat(strict.counter("tx-cold")).isNull();
    }

    @Test
    void updateItem_sdkStandardRetries_retriesThrottlingUntilItGivesUp() {
        strict.control.throttleWrites(strict.table(), ONE_WRITE_PER_KEY);
        strict.put("retried", "1");

        try (DynamoDbClient threeAttempts = strict.endpoint.applyTo(DynamoDbClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
                        .toBuilder().maxAttempts(3).backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build())).build()) {

            assertThatThrownBy(() -> threeAttempts.updateItem(request -> request.tableName(strict.table())
                    .key(key("retried")).updateExpression("ADD n :one")
                    .expressionAttributeValues(Map.of(":one", n("1"))))).isInstanceOf(ThrottlingException.class);
        }

        assertThat(strict.control.stats(strict.table()).throttles()).as("the SDK retried it").isEqualTo(3);
    }

    @Test
    void putItem_provisionedTable_throttledWithProvisionedThroughputExceeded() {
        String provisioned = strict.endpoint.tableName("provisioned");
        strict.once.createTable(request -> request.tableName(provisioned)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(throughput -> throughput.readCapacityUnits(5L).writeCapacityUnits(5L)));
        strict.control.throttleWrites(provisioned, ONE_WRITE_PER_KEY);
        strict.once.putItem(request -> request.tableName(provisioned).item(key("p")));

        assertThatThrownBy(() -> strict.once.putItem(request -> request.tableName(provisioned).item(key("p"))))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, throttled ->
                        assertThat(throttled.throttlingReasons()).extracting(ThrottlingReason::reason)
                                .containsExactly("TableWriteKeyRangeThroughputExceeded"));
        strict.control.reset(provisioned);
    }

    @Test
    void writeUnits_itemOfTwoAndAHalfKilobytes_costsThreeUnits() {
        strict.once.putItem(request -> request.tableName(strict.table())
                .item(Map.of("pk", s("large"), "blob", s("x".repeat(2560)))));

        assertThat(strict.control.stats(strict.table()).writeUnits()).isEqualTo(3);
    }

    @Test
    void writeUnits_updateShrinkingALargeItem_costsTheLargerOldImage() {
        strict.once.putItem(request -> request.tableName(strict.table())
                .item(Map.of("pk", s("shrinking"), "blob", s("x".repeat(2560)))));
        strict.control.reset(strict.table());

        strict.once.updateItem(request -> request.tableName(strict.table()).key(key("shrinking"))
                .updateExpression("REMOVE #blob").expressionAttributeNames(Map.of("#blob", "blob")));

        assertThat(strict.control.stats(strict.table()).writeUnits()).isEqualTo(3);
    }

    @Test
    void writeUnits_transactionOfTwoSmallItems_costsTwoUnitsPerItem() {
        strict.once.transactWriteItems(request -> request.transactItems(strict.add("tx-a"), strict.add("tx-b")));

        assertThat(strict.control.stats(strict.table()).writeUnits()).isEqualTo(4);
    }

    @Test
    void putItem_defaultRate_admitsABurstOfSmallWritesToOneKey() {
        for (int i = 0; i < 50; i++) {
            strict.put("burst", Integer.toString(i));
        }

        assertThat(strict.control.stats(strict.table()).throttles()).isZero();
    }
}
