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

/**
 * Pages through queries of one table: any query, or the common one of index {@code gsi1}, one partition with an
 * optional sort-key prefix. Thread-safe.
 */
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
        return all(query);
    }

    /** Every item {@code query} finds, following {@code LastEvaluatedKey} from page to page. */
    public CompletableFuture<List<Map<String, AttributeValue>>> all(QueryRequest.Builder query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        return page(query, Map.of(), items).thenApply(done -> items);
    }

    private CompletableFuture<Void> page(QueryRequest.Builder query, Map<String, AttributeValue> startKey,
                                         List<Map<String, AttributeValue>> items) {
        QueryRequest request = query.exclusiveStartKey(startKey.isEmpty() ? null : startKey).build();
        return Unavailable.map("Query", table, client.query(request), response -> {
            items.addAll(response.items());
            return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? page(query, response.lastEvaluatedKey(), items)
                    : CompletableFuture.<Void>completedFuture(null);
        }).thenCompose(next -> next);
    }
}
