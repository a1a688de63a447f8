package dev.limiter.provision;

import dev.limiter.OnUnavailable;
import dev.limiter.dynamodb.acquire.Unavailable;
import dev.limiter.dynamodb.audit.AuditLog;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.ConfigItems;
import dev.limiter.dynamodb.schema.EntityItems;
import dev.limiter.dynamodb.schema.ItemKey;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Performs plans: every create or update is a whole-item put carrying the managed marker, every delete a delete by
 * key, so each change is idempotent and a failed apply can simply be planned and applied again. Each change is
 * recorded in the audit trail right after its write, with the plan's before and after. Changes run in the
 * plan's phases (settings, entities, configurations, deletions), up to {@value #IN_FLIGHT} at a time within a phase.
 */
public final class Applier {

    private static final int IN_FLIGHT = 16;
    private static final AttributeValue MANAGED = AttributeValue.fromS("limits-file");

    private final DynamoDbAsyncClient client;
    private final String table;
    private final AuditLog audit;

    /** An applier writing to {@code table}, recording each change in {@code audit} right after it. */
    public Applier(DynamoDbAsyncClient client, String table, AuditLog audit) {
        this.client = client;
        this.table = table;
        this.audit = audit;
    }

    /**
     * Applies every change of {@code plan} in order of phases.
     *
     * @throws ApplyException if a write failed; the changes reported before it are done
     */
    public void apply(Plan plan, ApplyListener listener) {
        List<Change> changes = plan.changes();
        Map<String, Integer> depths = entityDepths(changes);
        AtomicInteger done = new AtomicInteger();
        int start = 0;
        while (start < changes.size()) {
            int end = start;
            int phase = phase(changes.get(start), depths);
            while (end < changes.size() && phase(changes.get(end), depths) == phase && end - start < IN_FLIGHT) {
                end++;
            }
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (Change change : changes.subList(start, end)) {
                writes.add(write(plan.namespace(), change).thenRun(() ->
                        listener.onApplied(change, done.incrementAndGet(), changes.size())));
            }
            try {
                Futures.join(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
            } catch (RuntimeException failure) {
                throw new ApplyException(done.get(), changes.size(), failure);
            }
            start = end;
        }
    }

    /** Marks every unmanaged resource of {@code live} as managed, so the limits file that declares them owns them. */
    public int adopt(LiveState live) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (LiveState.Live resource : live.list()) {
            if (!resource.managed()) {
                ItemKey key = keyOf(live.namespace(), resource.resource());
                writes.add(client.updateItem(UpdateItemRequest.builder().tableName(table).key(key.toAttributes())
                        .updateExpression("SET #m = :m").conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#m", Attributes.MANAGED, "#pk", Attributes.PK))
                        .expressionAttributeValues(Map.of(":m", MANAGED)).build()));
            }
        }
        Futures.join(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).exceptionally(failure -> {
            throw Unavailable.rethrow("UpdateItem", table, failure);
        }));
        return writes.size();
    }

    private CompletableFuture<Void> write(String namespace, Change change) {
        CompletableFuture<?> call = change.action() == Change.Action.DELETE
                ? client.deleteItem(DeleteItemRequest.builder().tableName(table)
                        .key(keyOf(namespace, change.resource()).toAttributes()).build())
                : client.putItem(PutItemRequest.builder().tableName(table).item(itemOf(namespace, change.resource()))
                        .build());
        return Unavailable.map(change.action() == Change.Action.DELETE ? "DeleteItem" : "PutItem", table, call,
                response -> null).thenCompose(done -> audit.record(namespace, change.address(), change.before(),
                        change.after()));
    }

    private static Map<String, AttributeValue> itemOf(String namespace, Resource resource) {
        Map<String, AttributeValue> item;
        if (resource instanceof Resource.EntityResource entity) {
            item = new HashMap<>(EntityItems.encode(namespace, entity.entity()));
        } else if (resource instanceof Resource.Config config) {
            item = new HashMap<>(ConfigItems.encode(namespace, config.scope(), config.config()));
        } else {
            item = new HashMap<>(Keys.settings(namespace).toAttributes());
            OnUnavailable policy = ((Resource.Settings) resource).onUnavailable();
            item.put(Attributes.ON_UNAVAILABLE, ConfigItems.encodePolicy(policy));
        }
        item.put(Attributes.MANAGED, MANAGED);
        return item;
    }

    private static ItemKey keyOf(String namespace, Resource resource) {
        if (resource instanceof Resource.EntityResource entity) {
            return Keys.entity(namespace, entity.entity().id());
        }
        if (resource instanceof Resource.Config config) {
            return Keys.config(namespace, config.scope());
        }
        return Keys.settings(namespace);
    }

    /**
     * Settings, entity writes (a phase per depth, parents before children), configuration writes, configuration
     * deletes, entity deletes (children before parents, as the plan orders them).
     */
    private static int phase(Change change, Map<String, Integer> depths) {
        boolean delete = change.action() == Change.Action.DELETE;
        if (change.resource() instanceof Resource.Settings) {
            return delete ? 5_000 : 0;
        }
        if (change.resource() instanceof Resource.EntityResource entity) {
            return delete ? 4_000 - depths.getOrDefault(entity.entity().id(), 0)
                    : 1 + depths.getOrDefault(entity.entity().id(), 0);
        }
        return delete ? 3_000 : 2_000;
    }

    /** The depth of each entity the plan touches, counting only parents that the plan touches too. */
    private static Map<String, Integer> entityDepths(List<Change> changes) {
        Map<String, Optional<String>> parents = new HashMap<>();
        for (Change change : changes) {
            if (change.resource() instanceof Resource.EntityResource entity) {
                parents.put(entity.entity().id(), entity.entity().parent());
            }
        }
        return Planner.depths(parents);
    }
}
