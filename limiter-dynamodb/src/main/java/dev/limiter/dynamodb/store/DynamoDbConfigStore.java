package dev.limiter.dynamodb.store;

import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.ConfigStore;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.acquire.Unavailable;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.ConfigItems;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Limit configurations as items of the limiter table. Thread-safe. */
public final class DynamoDbConfigStore implements ConfigStore {

    private final DynamoDbAsyncClient client;
    private final String table;
    private final IndexQuery index;

    /** Creates a store on {@code table}. */
    public DynamoDbConfigStore(DynamoDbAsyncClient client, String table) {
        this.client = client;
        this.table = table;
        this.index = new IndexQuery(client, table);
    }

    @Override
    public CompletableFuture<Optional<LimitConfig>> get(String namespace, ConfigScope scope) {
        return Futures.guard(() -> client.getItem(GetItemRequest.builder().tableName(table)
                        .key(Keys.config(namespace, Require.nonNull("scope", scope)).toAttributes())
                        .consistentRead(true).build())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw Unavailable.rethrow("GetItem", table, failure);
                    }
                    return response.hasItem() && !response.item().isEmpty()
                            ? Optional.of(ConfigItems.decode(response.item())) : Optional.empty();
                }));
    }

    @Override
    public CompletableFuture<Void> put(String namespace, ConfigScope scope, LimitConfig config) {
        return Futures.guard(() -> client.putItem(PutItemRequest.builder().tableName(table)
                        .item(ConfigItems.encode(namespace, scope, Require.nonNull("config", config))).build())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw Unavailable.rethrow("PutItem", table, failure);
                    }
                    return null;
                }));
    }

    @Override
    public CompletableFuture<Boolean> delete(String namespace, ConfigScope scope) {
        return Futures.guard(() -> client.deleteItem(DeleteItemRequest.builder().tableName(table)
                        .key(Keys.config(namespace, scope).toAttributes()).returnValues(ReturnValue.ALL_OLD).build())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw Unavailable.rethrow("DeleteItem", table, failure);
                    }
                    return response.hasAttributes() && !response.attributes().isEmpty();
                }));
    }

    @Override
    public CompletableFuture<Optional<OnUnavailable>> onUnavailable(String namespace) {
        return Futures.guard(() -> client.getItem(GetItemRequest.builder().tableName(table)
                        .key(Keys.settings(namespace).toAttributes()).consistentRead(true).build())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw Unavailable.rethrow("GetItem", table, failure);
                    }
                    AttributeValue policy = response.hasItem() ? response.item().get(Attributes.ON_UNAVAILABLE) : null;
                    return policy == null ? Optional.<OnUnavailable>empty()
                            : Optional.of(OnUnavailable.valueOf(policy.s().toUpperCase(Locale.ROOT)));
                }));
    }

    @Override
    public CompletableFuture<Void> putOnUnavailable(String namespace, OnUnavailable policy) {
        return Futures.guard(() -> client.updateItem(UpdateItemRequest.builder().tableName(table)
                        .key(Keys.settings(namespace).toAttributes()).updateExpression("SET #ou = :ou")
                        .expressionAttributeNames(Map.of("#ou", Attributes.ON_UNAVAILABLE))
                        .expressionAttributeValues(Map.of(":ou",
                                AttributeValue.fromS(policy.name().toLowerCase(Locale.ROOT)))).build())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw Unavailable.rethrow("UpdateItem", table, failure);
                    }
                    return null;
                }));
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
