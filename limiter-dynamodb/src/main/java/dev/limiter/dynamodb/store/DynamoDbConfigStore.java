package dev.limiter.dynamodb.store;

import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.ConfigStore;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.acquire.Unavailable;
import dev.limiter.dynamodb.audit.AuditLog;
import dev.limiter.dynamodb.audit.AuditValues;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.ConfigItems;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Limit configurations as items of the limiter table; every change is recorded in the {@link AuditLog}, its before
 * image taken from the write's {@code ReturnValues=ALL_OLD} (no extra read). Thread-safe.
 */
public final class DynamoDbConfigStore implements ConfigStore {

    private final DynamoDbAsyncClient client;
    private final String table;
    private final IndexQuery index;
    private final AuditLog audit;

    /** Creates a store on {@code table} recording changes in {@code audit}. */
    public DynamoDbConfigStore(DynamoDbAsyncClient client, String table, AuditLog audit) {
        this.client = client;
        this.table = table;
        this.index = new IndexQuery(client, table);
        this.audit = audit;
    }

    @Override
    public CompletableFuture<Optional<LimitConfig>> get(String namespace, ConfigScope scope) {
        return Futures.guard(() -> Unavailable.map("GetItem", table,
                client.getItem(GetItemRequest.builder().tableName(table)
                        .key(Keys.config(namespace, Require.nonNull("scope", scope)).toAttributes())
                        .consistentRead(true).build()),
                response -> response.hasItem() && !response.item().isEmpty()
                        ? Optional.of(ConfigItems.decode(response.item())) : Optional.empty()));
    }

    @Override
    public CompletableFuture<Void> put(String namespace, ConfigScope scope, LimitConfig config) {
        return Futures.guard(() -> Unavailable.map("PutItem", table,
                client.putItem(PutItemRequest.builder().tableName(table).returnValues(ReturnValue.ALL_OLD)
                        .item(ConfigItems.encode(namespace, scope, Require.nonNull("config", config))).build()),
                PutItemResponse::attributes).thenCompose(old -> audit.record(namespace,
                        AuditValues.configAddress(scope), before(old), AuditValues.of(config))));
    }

    @Override
    public CompletableFuture<Boolean> delete(String namespace, ConfigScope scope) {
        return Futures.guard(() -> Unavailable.map("DeleteItem", table,
                client.deleteItem(DeleteItemRequest.builder().tableName(table)
                        .key(Keys.config(namespace, scope).toAttributes()).returnValues(ReturnValue.ALL_OLD).build()),
                DeleteItemResponse::attributes).thenCompose(old -> audit.record(namespace,
                        AuditValues.configAddress(scope), before(old), Map.of()).thenApply(done -> !old.isEmpty())));
    }

    @Override
    public CompletableFuture<Optional<OnUnavailable>> onUnavailable(String namespace) {
        return Futures.guard(() -> Unavailable.map("GetItem", table,
                client.getItem(GetItemRequest.builder().tableName(table)
                        .key(Keys.settings(namespace).toAttributes()).consistentRead(true).build()),
                response -> ConfigItems.policyOf(response.hasItem() ? response.item() : null)));
    }

    @Override
    public CompletableFuture<Void> putOnUnavailable(String namespace, OnUnavailable policy) {
        return Futures.guard(() -> Unavailable.map("UpdateItem", table,
                client.updateItem(UpdateItemRequest.builder().tableName(table)
                        .key(Keys.settings(namespace).toAttributes()).updateExpression("SET #ou = :ou")
                        .expressionAttributeNames(Map.of("#ou", Attributes.ON_UNAVAILABLE))
                        .expressionAttributeValues(Map.of(":ou", ConfigItems.encodePolicy(policy)))
                        .returnValues(ReturnValue.ALL_OLD).build()),
                UpdateItemResponse::attributes).thenCompose(old -> audit.record(namespace,
                        AuditValues.settingsAddress(), ConfigItems.policyOf(old.isEmpty() ? null : old)
                                .map(AuditValues::of).orElse(Map.of()), AuditValues.of(policy))));
    }

    /** The attributes of the configuration an old image holds; {@code {}} if there was none. */
    private static Map<String, String> before(Map<String, AttributeValue> old) {
        if (old == null || old.isEmpty()) {
            return Map.of();
        }
        try {
            return AuditValues.of(ConfigItems.decode(old));
        } catch (RuntimeException corrupt) {
            return Map.of("corrupt", String.valueOf(corrupt.getMessage()));
        }
    }

    @Override
    public CompletableFuture<Map<ConfigScope, LimitConfig>> list(String namespace) {
        return Futures.guard(() -> index.all(Keys.configsIndexPk(namespace), "").thenApply(items -> {
            Map<ConfigScope, LimitConfig> configs = new LinkedHashMap<>();
            for (Map<String, AttributeValue> item : items) {
                configs.put(ConfigItems.scopeOf(item), ConfigItems.decode(item));
            }
            return configs;
        }));
    }
}
