package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.store.IndexQuery;
import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Lists usage snapshots: an entity's (by partition key, optionally one resource) or a resource's across entities
 * (through index {@code gsi1}). A query returns the snapshots of one window kind whose window <em>starts</em> in
 * {@code [since, until)}, ordered by start, then by resource or entity.
 *
 * <p>The IAM action it needs is {@code dynamodb:Query} on the table and its index {@code gsi1}. Failures complete the
 * future with {@link dev.limiter.RateLimiterUnavailableException}; the sync methods throw it. Thread-safe.
 */
public final class UsageReader {

    /** The IAM actions the reader calls on the table and its indexes. */
    public static final List<String> TABLE_ACTIONS = List.of("dynamodb:Query");

    private final String table;
    private final IndexQuery pages;

    private UsageReader(DynamoDbAsyncClient client, String table) {
        this.table = table;
        this.pages = new IndexQuery(client, table);
    }

    /** A reader of {@code tableName} through {@code client}; the caller keeps owning the client. */
    public static UsageReader create(DynamoDbAsyncClient client, String tableName) {
        return new UsageReader(Require.nonNull("client", client), Require.nonNull("tableName", tableName));
    }

    /** The snapshots of {@code entity} for every resource, of kind {@code window}, starting in [since, until). */
    public CompletableFuture<List<UsageSnapshot>> entityUsageAsync(String namespace, String entity, UsageWindow window,
                                                                   Instant since, Instant until) {
        return Futures.guard(() -> {
            checkRange(window, since, until);
            return query(false, UsageItems.pk(namespace, entity), UsageItems.timePrefix(window, since),
                    UsageItems.timePrefix(window, until), snapshot -> true);
        });
    }

    /** The snapshots of {@code entity} for {@code resource}, of kind {@code window}, starting in [since, until). */
    public CompletableFuture<List<UsageSnapshot>> entityUsageAsync(String namespace, String entity, String resource,
                                                                   UsageWindow window, Instant since, Instant until) {
        return Futures.guard(() -> {
            Require.resource("resource", resource);
            checkRange(window, since, until);
            // The sort key leads with the window start, so one resource is a filter over the entity's range; the
            // filter runs here because DynamoDB filter expressions cannot name key attributes.
            return query(false, UsageItems.pk(namespace, entity), UsageItems.timePrefix(window, since),
                    UsageItems.timePrefix(window, until), snapshot -> snapshot.resource().equals(resource));
        });
    }

    /** The snapshots of {@code resource} across entities, of kind {@code window}, starting in [since, until). */
    public CompletableFuture<List<UsageSnapshot>> resourceUsageAsync(String namespace, String resource,
                                                                     UsageWindow window, Instant since, Instant until) {
        return Futures.guard(() -> {
            checkRange(window, since, until);
            return query(true, UsageItems.indexPk(namespace, resource, window), UsageItems.iso(since),
                    UsageItems.iso(until), snapshot -> true);
        });
    }

    /** {@link #entityUsageAsync(String, String, UsageWindow, Instant, Instant)} and wait. */
    public List<UsageSnapshot> entityUsage(String namespace, String entity, UsageWindow window, Instant since,
                                           Instant until) {
        return Futures.join(entityUsageAsync(namespace, entity, window, since, until));
    }

    /** {@link #entityUsageAsync(String, String, String, UsageWindow, Instant, Instant)} and wait. */
    public List<UsageSnapshot> entityUsage(String namespace, String entity, String resource, UsageWindow window,
                                           Instant since, Instant until) {
        return Futures.join(entityUsageAsync(namespace, entity, resource, window, since, until));
    }

    /** {@link #resourceUsageAsync} and wait. */
    public List<UsageSnapshot> resourceUsage(String namespace, String resource, UsageWindow window, Instant since,
                                             Instant until) {
        return Futures.join(resourceUsageAsync(namespace, resource, window, since, until));
    }

    private static void checkRange(UsageWindow window, Instant since, Instant until) {
        Require.nonNull("window", window);
        Require.nonNull("since", since);
        Require.nonNull("until", until);
        Require.argument(since.isBefore(until), "since " + since + " must be before until " + until);
    }

    /**
     * Every item of one partition whose sort key lies in {@code [low, high]}: a bound is a key prefix without the
     * trailing part, so {@code low} sorts before every key starting at {@code since} and {@code high} before every
     * key starting at {@code until}, which makes the range half-open on window starts.
     */
    private CompletableFuture<List<UsageSnapshot>> query(boolean index, String pk, String low, String high,
                                                         Predicate<UsageSnapshot> keep) {
        Map<String, AttributeValue> values = Map.of(":pk", AttributeValue.fromS(pk),
                ":low", AttributeValue.fromS(low), ":high", AttributeValue.fromS(high));
        QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :low AND :high")
                .expressionAttributeNames(index
                        ? Map.of("#pk", Attributes.GSI1_PK, "#sk", Attributes.GSI1_SK)
                        : Map.of("#pk", Attributes.PK, "#sk", Attributes.SK))
                .expressionAttributeValues(values);
        if (index) {
            request.indexName(Attributes.GSI1);
        } else {
            request.consistentRead(true); // reports are rare and small, so read what the aggregator last wrote
        }
        return pages.all(request).thenApply(items -> items.stream().map(UsageItems::decode).filter(keep).toList());
    }
}
