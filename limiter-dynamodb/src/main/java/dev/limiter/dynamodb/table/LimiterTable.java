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
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbAsyncWaiter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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
     * active, and ensures its TTL on {@code ttl} and its stream, whether this call created the table or not.
     *
     * <p>Idempotent. {@code CreateTable} answers {@code ResourceInUseException} both for a table that exists and
     * for one that is still being created, including by this call's own earlier attempt: on a slow fresh server the
     * first attempt can outlive the attempt timeout, and the SDK's retry then finds the table in use. "In use" is
     * therefore read as "exists, maybe being created": wait until it is {@code ACTIVE}, then ensure the settings. A
     * table being deleted is waited out and created again.
     *
     * @return {@code true} if this call's request created it, {@code false} if it answered that the table existed
     *         (which includes an earlier attempt of this same call that was applied but not answered)
     * @throws dev.limiter.RateLimiterUnavailableException if DynamoDB fails
     * @throws IllegalStateException if the existing table has TTL on another attribute or a stream without both images
     */
    public boolean create() {
        boolean created = requestCreate();
        if (!created && "DELETING".equals(status())) {
            waitUntil(false);
            created = requestCreate();
        }
        waitUntil(true);
        ensureStream();
        ensureTtl();
        return created;
    }

    private boolean requestCreate() {
        try {
            Futures.join(client.createTable(TableSchema.createTableRequest(name)));
            return true;
        } catch (ResourceInUseException exists) {
            return false;
        } catch (RuntimeException e) {
            throw unavailable("CreateTable", e);
        }
    }

    private String status() {
        try {
            return Futures.join(client.describeTable(DescribeTableRequest.builder().tableName(name).build()))
                    .table().tableStatusAsString();
        } catch (ResourceNotFoundException missing) {
            return "MISSING";
        } catch (RuntimeException e) {
            throw unavailable("DescribeTable", e);
        }
    }

    /** Enables the stream with new and old images unless the table has it; the usage aggregator needs both. */
    private void ensureStream() {
        StreamSpecification stream = call("DescribeTable", () -> client.describeTable(DescribeTableRequest.builder()
                .tableName(name).build())).table().streamSpecification();
        if (stream != null && Boolean.TRUE.equals(stream.streamEnabled())) {
            if (stream.streamViewType() != StreamViewType.NEW_AND_OLD_IMAGES) {
                throw new IllegalStateException("table '" + name + "' has a stream of " + stream.streamViewType()
                        + ": the usage aggregator needs NEW_AND_OLD_IMAGES; disable the stream and run create again");
            }
            return;
        }
        call("UpdateTable", () -> client.updateTable(UpdateTableRequest.builder().tableName(name)
                .streamSpecification(TableSchema.createTableRequest(name).streamSpecification()).build()));
        waitUntil(true);
    }

    /**
     * Enables TTL on {@code ttl} unless it is enabled or being enabled: DynamoDB refuses a second
     * {@code UpdateTimeToLive} while one is in progress, and TTL on another attribute is the owner's choice to undo.
     */
    private void ensureTtl() {
        TimeToLiveDescription ttl = call("DescribeTimeToLive", () -> client.describeTimeToLive(
                DescribeTimeToLiveRequest.builder().tableName(name).build())).timeToLiveDescription();
        TimeToLiveStatus status = ttl == null ? TimeToLiveStatus.DISABLED : ttl.timeToLiveStatus();
        boolean on = status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
        if (on && Attributes.TTL.equals(ttl.attributeName())) {
            return;
        }
        if (on) {
            throw new IllegalStateException("table '" + name + "' has TTL on attribute '" + ttl.attributeName()
                    + "': bucket items expire through '" + Attributes.TTL + "'; disable that TTL and run create again");
        }
        call("UpdateTimeToLive", () -> client.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(name)
                .timeToLiveSpecification(TimeToLiveSpecification.builder()
                        .attributeName(Attributes.TTL).enabled(true).build()).build()));
    }

    private <T> T call(String operation, Supplier<CompletableFuture<T>> request) {
        try {
            return Futures.join(request.get());
        } catch (RuntimeException e) {
            throw unavailable(operation, e);
        }
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
