package dev.limiter.dynamodb.audit;

import dev.limiter.dynamodb.acquire.Unavailable;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes and lists the audit entries of a limiter table. Writes are one {@code PutItem} each, made right after the
 * change they describe (never on the acquire path); a failed audit write fails the call that made the change,
 * although the change itself is done. Thread-safe.
 */
public final class AuditLog {

    private final DynamoDbAsyncClient client;
    private final String table;
    private final AuditSettings settings;
    /** Orders this log's entries written within the same microsecond. */
    private final AtomicLong sequence = new AtomicLong();

    /** A log on {@code table} recording with {@code settings}. */
    public AuditLog(DynamoDbAsyncClient client, String table, AuditSettings settings) {
        this.client = client;
        this.table = table;
        this.settings = settings;
    }

    /** The settings entries are recorded with. */
    public AuditSettings settings() {
        return settings;
    }

    /**
     * Records the change of {@code address} in {@code namespace} from {@code before} to {@code after}; nothing when
     * they are equal (a rewrite that changed nothing).
     */
    public CompletableFuture<Void> record(String namespace, String address, Map<String, String> before,
                                          Map<String, String> after) {
        return Futures.guard(() -> {
            if (before.equals(after)) {
                return CompletableFuture.completedFuture(null);
            }
            Instant now = settings.clock().instant();
            AuditEntry entry = new AuditEntry(namespace, now, settings.actor().get(), settings.source(),
                    AuditEntry.actionOf(before, after), address, before, after, settings.reason());
            String suffix = String.format("%06d%s", sequence.incrementAndGet() % 1_000_000,
                    UUID.randomUUID().toString().substring(0, 8));
            Map<String, AttributeValue> item = AuditItems.encode(entry, suffix, now.plus(settings.retention()));
            return Unavailable.map("PutItem", table, client.putItem(PutItemRequest.builder().tableName(table)
                    .item(item).build()), response -> null);
        });
    }

    /** The entries of {@code namespace} that {@code query} selects, newest first. */
    public static CompletableFuture<AuditPage> list(DynamoDbAsyncClient client, String table, String namespace,
                                                    AuditQuery query) {
        return Futures.guard(() -> page(client, table, namespace, query, null, new ArrayList<>(), new ArrayList<>()));
    }

    private static CompletableFuture<AuditPage> page(DynamoDbAsyncClient client, String table, String namespace,
                                                     AuditQuery query, Map<String, AttributeValue> start,
                                                     List<AuditEntry> entries, List<String> corrupt) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to").scanIndexForward(false)
                .expressionAttributeNames(Map.of("#pk", Attributes.PK, "#sk", Attributes.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AuditItems.pk(namespace)),
                        ":from", AttributeValue.fromS(AuditItems.sk(query.since(), "")),
                        ":to", AttributeValue.fromS(AuditItems.sk(query.until().minusNanos(1000), "~"))));
        if (start != null) {
            request.exclusiveStartKey(start);
        }
        return Unavailable.map("Query", table, client.query(request.build()), response -> response)
                .thenCompose(response -> {
                    collect(response, query, entries, corrupt);
                    if (entries.size() >= query.limit() || !response.hasLastEvaluatedKey()
                            || response.lastEvaluatedKey().isEmpty()) {
                        List<AuditEntry> kept = entries.size() > query.limit()
                                ? entries.subList(0, query.limit()) : entries;
                        return CompletableFuture.completedFuture(new AuditPage(kept, corrupt));
                    }
                    return page(client, table, namespace, query, response.lastEvaluatedKey(), entries, corrupt);
                });
    }

    private static void collect(QueryResponse response, AuditQuery query, List<AuditEntry> entries,
                                List<String> corrupt) {
        for (Map<String, AttributeValue> item : response.items()) {
            try {
                AuditEntry entry = AuditItems.decode(item);
                if (query.matches(entry)) {
                    entries.add(entry);
                }
            } catch (IllegalArgumentException unreadable) {
                corrupt.add(unreadable.getMessage());
            }
        }
    }
}
