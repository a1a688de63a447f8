package dev.limiter.dynamodb;

import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigStore;
import dev.limiter.dynamodb.acquire.Backoff;
import dev.limiter.dynamodb.acquire.BucketReader;
import dev.limiter.dynamodb.acquire.Charger;
import dev.limiter.dynamodb.acquire.Settler;
import dev.limiter.dynamodb.audit.AuditLog;
import dev.limiter.dynamodb.audit.AuditSettings;
import dev.limiter.dynamodb.store.DynamoDbConfigStore;
import dev.limiter.dynamodb.store.DynamoDbEntityStore;
import dev.limiter.dynamodb.table.LimiterTable;
import dev.limiter.entity.EntityStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Backend} on one DynamoDB table, shared by any number of processes.
 *
 * <p>An acquire for one entity is one conditional {@code UpdateItem} and no read; a cascade is one
 * {@code TransactWriteItems}; a commit is one {@code UpdateItem} per bucket it changes. See
 * {@link dev.limiter.dynamodb.acquire} for how, and {@code docs/architecture.md} for the table layout.
 *
 * <p>Failures (the table in {@code docs/architecture.md}, "Failure semantics", says what each DynamoDB error
 * becomes): the client's retry strategy handles throttling, 5xx and timeouts (bounded, with backoff). Writes refused
 * because a transaction held an item, or because the key was throttled (also inside a transaction), are resent with
 * jittered exponential backoff within a bounded budget ({@link DynamoDbBackendBuilder#retryBudget}). A key still
 * throttled past the budget is a <em>rejection</em> with a retry-after whose violation is the limit
 * {@code dynamodb.key-write-rate} (the key is over DynamoDB's rate), never an unavailability. What is left (5xx,
 * timeouts, a dead endpoint, conflicts past the budget) surfaces as
 * {@link dev.limiter.RateLimiterUnavailableException}, to which the limiter applies its
 * {@link dev.limiter.OnUnavailable} policy. A retry of a write that was applied but whose response was lost is
 * recognised from the item's recent write tokens and not applied twice, unless more than about 48 other writes
 * reached the bucket in between (over-charging, never under-charging); a cascade's retries reuse its client request
 * token, which DynamoDB deduplicates for ten minutes.
 * While write responses show the limiter's clock running ahead of DynamoDB's by more than
 * {@link DynamoDbBackendBuilder#maxClockSkew}, acquires fail with {@link dev.limiter.ClockSkewException} instead of
 * writing.
 *
 * <p>Thread-safe. Futures complete on the SDK's I/O threads.
 */
public final class DynamoDbBackend implements Backend {

    /**
     * The IAM actions the acquire path needs: {@code dynamodb:GetItem} to load configurations and entities on a cache
     * miss, {@code dynamodb:UpdateItem} for acquires, settlements and the updates inside a cascade's
     * {@code TransactWriteItems} (a transaction is authorised by its actions' own permissions). Nothing else: the
     * acquire-only managed policy of the CDK construct grants exactly these, and tests check both sides.
     */
    public static final List<String> ACQUIRE_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:UpdateItem");

    private final DynamoDbAsyncClient client;
    private final boolean ownsClient;
    private final String tableName;
    private final Charger charger;
    private final Settler settler;
    private final BucketReader reader;
    private final DynamoDbConfigStore configs;
    private final DynamoDbEntityStore entities;

    DynamoDbBackend(DynamoDbAsyncClient client, boolean ownsClient, String tableName, int bucketCacheEntries,
                    int maxAttempts, Backoff backoff, Duration maxClockSkew, AuditSettings audit) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.tableName = tableName;
        this.charger = new Charger(client, tableName, bucketCacheEntries, maxAttempts, backoff, maxClockSkew);
        this.settler = new Settler(client, tableName, charger);
        this.reader = new BucketReader(client, tableName);
        AuditLog log = new AuditLog(client, tableName, audit);
        this.configs = new DynamoDbConfigStore(client, tableName, log);
        this.entities = new DynamoDbEntityStore(client, tableName, log);
    }

    /** A builder; {@link DynamoDbBackendBuilder#tableName} is required. */
    public static DynamoDbBackendBuilder builder() {
        return new DynamoDbBackendBuilder();
    }

    /** The table this backend uses. */
    public String tableName() {
        return tableName;
    }

    /** The client this backend uses. */
    public DynamoDbAsyncClient client() {
        return client;
    }

    /**
     * How far the clock stamping this backend's acquires ran ahead of DynamoDB's at the latest write response, at
     * least (a sound lower bound from the response's {@code Date} header); empty before the first response or when
     * the clock is not ahead. Acquires are refused with {@link dev.limiter.ClockSkewException} while it exceeds
     * {@link DynamoDbBackendBuilder#maxClockSkew}.
     */
    public Optional<Duration> clockAheadAtLeast() {
        return charger.clockAheadAtLeast();
    }

    /**
     * Creates this backend's table for development, with the production schema, and waits until it is active. Never
     * called implicitly; production tables come from the CDK app.
     *
     * @return {@code true} if created, {@code false} if it already existed
     */
    public boolean createTable() {
        return table().create();
    }

    /** Table administration: create, describe, delete. */
    public LimiterTable table() {
        return new LimiterTable(client, tableName);
    }

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        return charger.charge(request);
    }

    @Override
    public CompletableFuture<Void> settle(SettleRequest request) {
        return settler.settle(request);
    }

    @Override
    public CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys) {
        return reader.read(keys);
    }

    @Override
    public ConfigStore configs() {
        return configs;
    }

    @Override
    public EntityStore entities() {
        return entities;
    }

    /** Closes the client if this backend built it; a client passed in stays open. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
