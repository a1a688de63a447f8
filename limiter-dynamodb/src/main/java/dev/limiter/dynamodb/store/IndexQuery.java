package dev.limiter.dynamodb.store;

import dev.limiter.dynamodb.acquire.Unavailable;
import dev.limiter.dynamodb.schema.Attributes;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Pages through a query of index {@code gsi1}: one partition, optionally a sort-key prefix. Thread-safe. */
public final class IndexQuery {

    private final DynamoDbAsyncClient client;
    private final String table;

    /** A query helper for {@code table}. */
    public IndexQuery(DynamoDbAsyncClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** Every item whose index partition key is {@code pk} and whose index sort key starts with {@code prefix}. */
    public CompletableFuture<List<Map<String, AttributeValue>>> all(String pk, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        return page(pk, prefix, Map.of(), items).thenApply(done -> items);
    }

    private CompletableFuture<Void> page(String pk, String prefix, Map<String, AttributeValue> startKey,
                                         List<Map<String, AttributeValue>> items) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(pk));
        String condition = "#pk = :pk";
        if (!prefix.isEmpty()) {
            values.put(":prefix", AttributeValue.fromS(prefix));
            condition += " AND begins_with(#sk, :prefix)";
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Attributes.GSI1)
                .keyConditionExpression(condition).expressionAttributeValues(values)
                .expressionAttributeNames(prefix.isEmpty() ? Map.of("#pk", Attributes.GSI1_PK)
                        : Map.of("#pk", Attributes.GSI1_PK, "#sk", Attributes.GSI1_SK));
        if (!startKey.isEmpty()) {
            query.exclusiveStartKey(startKey);
        }
        return client.query(query.build()).handle((response, failure) -> {
            if (failure != null) {
                throw Unavailable.rethrow("Query", table, failure);
            }
            items.addAll(response.items());
            return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? page(pk, prefix, response.lastEvaluatedKey(), items)
                    : CompletableFuture.<Void>completedFuture(null);
        }).thenCompose(next -> next);
    }
}
