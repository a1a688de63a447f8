package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Writes one snapshot key's group of records as one conditional {@code UpdateItem}: {@code ADD} of the summed
 * requests and amounts, {@code SET} of the window, TTL, index keys and the new watermark, on condition that the
 * stored watermark lies below the group's lowest sequence number. When it does not, the returned old item's
 * watermark tells which records were applied already, and only the rest is written again. Thread-safe.
 */
final class SnapshotWriter {

    /** Rewrites after a moving watermark; only concurrent consumers of one stream move it between attempts. */
    private static final int MAX_ATTEMPTS = 3;

    private final DynamoDbAsyncClient client;
    private final String table;
    private final UsageSettings settings;

    SnapshotWriter(DynamoDbAsyncClient client, String table, UsageSettings settings) {
        this.client = client;
        this.table = table;
        this.settings = settings;
    }

    /** Applies {@code records} (sorted by sequence) to snapshot {@code key}; the future never fails. */
    CompletableFuture<WriteOutcome> write(SnapshotKey key, List<RecordUsage> records) {
        return attempt(key, records, 1);
    }

    private CompletableFuture<WriteOutcome> attempt(SnapshotKey key, List<RecordUsage> records, int attempt) {
        return Futures.guard(() -> client.updateItem(request(key, records)))
                .handle((response, failure) -> failure == null
                        ? CompletableFuture.<WriteOutcome>completedFuture(new WriteOutcome.Written())
                        : afterFailure(key, records, attempt, Futures.unwrap(failure)))
                .thenCompose(next -> next);
    }

    private CompletableFuture<WriteOutcome> afterFailure(SnapshotKey key, List<RecordUsage> records, int attempt,
                                                         Throwable failure) {
        if (!(failure instanceof ConditionalCheckFailedException conflict)) {
            return failed("UpdateItem of usage snapshot " + describe(key) + " failed: " + failure);
        }
        AttributeValue stored = conflict.hasItem() ? conflict.item().get(Attributes.WATERMARK) : null;
        if (stored == null || stored.s() == null) {
            return failed("usage snapshot " + describe(key) + " refused the write but returned no watermark");
        }
        BigInteger watermark;
        try {
            watermark = UsageItems.parseSequence(stored.s());
        } catch (IllegalArgumentException corrupt) {
            return failed("usage snapshot " + describe(key) + " holds a corrupt watermark: " + corrupt.getMessage());
        }
        List<RecordUsage> remaining = new ArrayList<>();
        for (RecordUsage record : records) {
            if (record.sequence().compareTo(watermark) > 0) {
                remaining.add(record);
            }
        }
        if (remaining.isEmpty()) {
            return CompletableFuture.completedFuture(new WriteOutcome.AlreadyApplied());
        }
        if (attempt >= MAX_ATTEMPTS) {
            return failed("usage snapshot " + describe(key) + " watermark moved on " + attempt
                    + " attempts in a row: another consumer is applying the same stream");
        }
        return attempt(key, remaining, attempt + 1);
    }

    private UpdateItemRequest request(SnapshotKey key, List<RecordUsage> records) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        long expiry = key.end().plus(settings.retention(key.window())).getEpochSecond();
        BigInteger highest = records.get(records.size() - 1).sequence();
        String set = "SET " + String.join(", ",
                assign(names, values, "#ws", Attributes.WINDOW_START, number(key.start().getEpochSecond())),
                assign(names, values, "#we", Attributes.WINDOW_END, number(key.end().getEpochSecond())),
                assign(names, values, "#ttl", Attributes.TTL, number(expiry)),
                assign(names, values, "#g1pk", Attributes.GSI1_PK, AttributeValue.fromS(
                        UsageItems.indexPk(key.bucket().namespace(), key.bucket().resource(), key.window()))),
                assign(names, values, "#g1sk", Attributes.GSI1_SK,
                        AttributeValue.fromS(UsageItems.indexSk(key.start(), key.bucket().entity()))),
                assign(names, values, "#wm", Attributes.WATERMARK,
                        AttributeValue.fromS(UsageItems.watermark(highest))));
        values.put(":min", AttributeValue.fromS(UsageItems.watermark(records.get(0).sequence())));
        return UpdateItemRequest.builder().tableName(table).key(key.itemKey().toAttributes())
                .updateExpression(set + " ADD " + additions(records, names, values))
                .conditionExpression("attribute_not_exists(#wm) OR #wm < :min")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** The {@code ADD} clauses: the group's requests and per-limit sums (a limit netting to zero still appears). */
    private static String additions(List<RecordUsage> records, Map<String, String> names,
                                    Map<String, AttributeValue> values) {
        long requests = 0;
        Map<String, Long> amounts = new TreeMap<>();
        for (RecordUsage record : records) {
            requests += record.request() ? 1 : 0;
            record.deltas().forEach((name, delta) -> amounts.merge(name, delta, Math::addExact));
        }
        StringBuilder add = new StringBuilder("#rq :rq");
        names.put("#rq", Attributes.REQUESTS);
        values.put(":rq", number(requests));
        int index = 0;
        for (Map.Entry<String, Long> amount : amounts.entrySet()) {
            add.append(", #a").append(index).append(" :a").append(index);
            names.put("#a" + index, Attributes.amount(amount.getKey()));
            values.put(":a" + index, number(amount.getValue()));
            index++;
        }
        return add.toString();
    }

    private static String assign(Map<String, String> names, Map<String, AttributeValue> values, String placeholder,
                                 String attribute, AttributeValue value) {
        names.put(placeholder, attribute);
        values.put(':' + placeholder.substring(1), value);
        return placeholder + " = :" + placeholder.substring(1);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static CompletableFuture<WriteOutcome> failed(String reason) {
        return CompletableFuture.completedFuture(new WriteOutcome.Failed(reason));
    }

    private static String describe(SnapshotKey key) {
        return key.bucket() + " " + key.window() + " " + key.start();
    }
}
