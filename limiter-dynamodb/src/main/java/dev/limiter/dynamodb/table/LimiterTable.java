package dev.limiter.dynamodb.table;

import dev.limiter.dynamodb.acquire.Unavailable;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.TableSchema;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbAsyncWaiter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Creates, describes and deletes a limiter table for development and tests. Each method blocks until DynamoDB
 * reports the change done. Thread-safe.
 */
public final class LimiterTable {

    /** The IAM actions {@link #create()} calls (the waiter describes the table until it is active). */
    public static final List<String> CREATE_ACTIONS = List.of(
            "dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:UpdateTimeToLive");
    /** The IAM actions {@link #describe()} calls. */
    public static final List<String> DESCRIBE_ACTIONS = List.of("dynamodb:DescribeTable", "dynamodb:DescribeTimeToLive");
    /** The IAM actions {@link #delete()} calls (the waiter describes the table until it is gone). */
    public static final List<String> DELETE_ACTIONS = List.of("dynamodb:DeleteTable", "dynamodb:DescribeTable");

    private static final Duration WAIT = Duration.ofMinutes(5);

    private final DynamoDbAsyncClient client;
    private final String name;

    /** A handle on table {@code name}. */
    public LimiterTable(DynamoDbAsyncClient client, String name) {
        this.client = Require.nonNull("client", client);
        this.name = Require.nonNull("table name", name);
    }

    /**
     * Creates the table with the production schema (keys, index, stream with new and old images), waits until it is
     * active and enables TTL on {@code ttl}.
     *
     * @return {@code true} if it was created, {@code false} if it already existed
     */
    public boolean create() {
        boolean created;
        try {
            Futures.join(client.createTable(TableSchema.createTableRequest(name)));
            created = true;
        } catch (ResourceInUseException exists) {
            created = false;
        } catch (RuntimeException e) {
            throw unavailable("CreateTable", e);
        }
        waitUntil(true);
        if (created) {
            Futures.join(client.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(name)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder()
                            .attributeName(Attributes.TTL).enabled(true).build()).build()));
        }
        return created;
    }

    /** The table's state, or empty if it does not exist. */
    public Optional<TableStatus> describe() {
        TableDescription table;
        try {
            table = Futures.join(client.describeTable(DescribeTableRequest.builder().tableName(name).build())).table();
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unavailable("DescribeTable", e);
        }
        String ttl = Futures.join(client.describeTimeToLive(DescribeTimeToLiveRequest.builder().tableName(name).build()))
                .timeToLiveDescription().timeToLiveStatusAsString();
        return Optional.of(new TableStatus(table.tableName(), table.tableStatusAsString(),
                orZero(table.itemCount()), orZero(table.tableSizeBytes()), Optional.ofNullable(table.latestStreamArn()),
                String.valueOf(ttl),
                table.billingModeSummary() == null ? "PROVISIONED" : table.billingModeSummary().billingModeAsString()));
    }

    /** Deletes the table and waits until it is gone; returns whether it existed. */
    public boolean delete() {
        try {
            Futures.join(client.deleteTable(DeleteTableRequest.builder().tableName(name).build()));
        } catch (ResourceNotFoundException missing) {
            return false;
        } catch (RuntimeException e) {
            throw unavailable("DeleteTable", e);
        }
        waitUntil(false);
        return true;
    }

    private void waitUntil(boolean exists) {
        try (DynamoDbAsyncWaiter waiter = DynamoDbAsyncWaiter.builder().client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder().waitTimeout(WAIT).build()).build()) {
            DescribeTableRequest describe = DescribeTableRequest.builder().tableName(name).build();
            Futures.join(exists ? waiter.waitUntilTableExists(describe) : waiter.waitUntilTableNotExists(describe));
        }
    }

    private RuntimeException unavailable(String operation, RuntimeException failure) {
        Throwable translated = Unavailable.translate(operation, name, failure);
        return translated instanceof RuntimeException runtime ? runtime : failure;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
