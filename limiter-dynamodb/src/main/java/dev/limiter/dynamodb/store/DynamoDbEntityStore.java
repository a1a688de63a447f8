package dev.limiter.dynamodb.store;

import dev.limiter.dynamodb.acquire.Unavailable;
import dev.limiter.dynamodb.audit.AuditLog;
import dev.limiter.dynamodb.audit.AuditValues;
import dev.limiter.dynamodb.schema.EntityItems;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.entity.Entity;
import dev.limiter.entity.EntityStore;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Entities as items of the limiter table; children and listings through index {@code gsi1}. Every change is recorded
 * in the {@link AuditLog}, its before image taken from the write's {@code ReturnValues=ALL_OLD}. Thread-safe.
 */
public final class DynamoDbEntityStore implements EntityStore {

    private final DynamoDbAsyncClient client;
    private final String table;
    private final IndexQuery index;
    private final AuditLog audit;

    /** Creates a store on {@code table} recording changes in {@code audit}. */
    public DynamoDbEntityStore(DynamoDbAsyncClient client, String table, AuditLog audit) {
        this.client = client;
        this.table = table;
        this.index = new IndexQuery(client, table);
        this.audit = audit;
    }

    @Override
    public CompletableFuture<Optional<Entity>> get(String namespace, String id) {
        return Futures.guard(() -> Unavailable.map("GetItem", table,
                client.getItem(GetItemRequest.builder().tableName(table)
                        .key(Keys.entity(namespace, id).toAttributes()).consistentRead(true).build()),
                response -> response.hasItem() && !response.item().isEmpty()
                        ? Optional.of(EntityItems.decode(response.item())) : Optional.empty()));
    }

    @Override
    public CompletableFuture<Void> put(String namespace, Entity entity) {
        return Futures.guard(() -> Unavailable.map("PutItem", table,
                client.putItem(PutItemRequest.builder().tableName(table).returnValues(ReturnValue.ALL_OLD)
                        .item(EntityItems.encode(namespace, entity)).build()),
                PutItemResponse::attributes).thenCompose(old -> audit.record(namespace,
                        AuditValues.entityAddress(entity.id()), before(old), AuditValues.of(entity))));
    }

    @Override
    public CompletableFuture<Boolean> delete(String namespace, String id) {
        return Futures.guard(() -> Unavailable.map("DeleteItem", table,
                client.deleteItem(DeleteItemRequest.builder().tableName(table)
                        .key(Keys.entity(namespace, id).toAttributes()).returnValues(ReturnValue.ALL_OLD).build()),
                DeleteItemResponse::attributes).thenCompose(old -> audit.record(namespace,
                        AuditValues.entityAddress(id), before(old), Map.of()).thenApply(done -> !old.isEmpty())));
    }

    @Override
    public CompletableFuture<List<Entity>> children(String namespace, String id) {
        return Futures.guard(() -> index.all(Keys.entitiesIndexPk(namespace), Keys.childrenPrefix(id))
                .thenApply(DynamoDbEntityStore::sorted));
    }

    @Override
    public CompletableFuture<List<Entity>> list(String namespace) {
        return Futures.guard(() -> index.all(Keys.entitiesIndexPk(namespace), "").thenApply(DynamoDbEntityStore::sorted));
    }

    /** The attributes of the entity an old image holds; {@code {}} if there was none. */
    private static Map<String, String> before(Map<String, AttributeValue> old) {
        if (old == null || old.isEmpty()) {
            return Map.of();
        }
        try {
            return AuditValues.of(EntityItems.decode(old));
        } catch (RuntimeException corrupt) {
            return Map.of("corrupt", String.valueOf(corrupt.getMessage()));
        }
    }

    private static List<Entity> sorted(List<Map<String, AttributeValue>> items) {
        List<Entity> entities = new ArrayList<>(items.size());
        items.forEach(item -> entities.add(EntityItems.decode(item)));
        entities.sort(Comparator.comparing(Entity::id));
        return List.copyOf(entities);
    }
}
