package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The update expression of one snapshot write, with its placeholders: the window, TTL and index keys every write
 * sets, the sums of a group's records, the applied-run attributes and the condition. Not thread-safe; one per write.
 */
final class SnapshotUpdate {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private String condition = "";

    private SnapshotUpdate() {
    }

    /** An update of snapshot {@code key} that sets its window, expiry and index keys. */
    static SnapshotUpdate of(SnapshotKey key, UsageSettings settings) {
        SnapshotUpdate update = new SnapshotUpdate();
        long expiry = key.end().plus(settings.retention(key.window())).getEpochSecond();
        update.set(Attributes.WINDOW_START, number(key.start().getEpochSecond()));
        update.set(Attributes.WINDOW_END, number(key.end().getEpochSecond()));
        update.set(Attributes.TTL, number(expiry));
        update.set(Attributes.GSI1_PK, AttributeValue.fromS(
                UsageItems.indexPk(key.bucket().namespace(), key.bucket().resource(), key.window())));
        update.set(Attributes.GSI1_SK, AttributeValue.fromS(UsageItems.indexSk(key.start(), key.bucket().entity())));
        return update;
    }

    /** The placeholder of attribute {@code attribute} (limit names may hold characters a placeholder may not). */
    String name(String attribute) {
        return placeholders.computeIfAbsent(attribute, name -> {
            String placeholder = "#n" + names.size();
            names.put(placeholder, name);
            return placeholder;
        });
    }

    /** A new placeholder for {@code value}. */
    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    void set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(value));
    }

    /** Sets {@code attribute} only if the item has none yet. */
    void setIfAbsent(String attribute, AttributeValue value) {
        String name = name(attribute);
        sets.add(name + " = if_not_exists(" + name + ", " + value(value) + ")");
    }

    void remove(String attribute) {
        removes.add(name(attribute));
    }

    /**
     * Adds the requests and per-limit sums of {@code records} (a limit netting to zero still appears) and counts the
     * write in the snapshot's write counter.
     */
    void add(List<RecordUsage> records) {
        long requests = 0;
        Map<String, Long> amounts = new TreeMap<>();
        for (RecordUsage record : records) {
            requests += record.request() ? 1 : 0;
            record.deltas().forEach((limit, delta) -> amounts.merge(limit, delta, Math::addExact));
        }
        adds.add(name(Attributes.REQUESTS) + " " + value(number(requests)));
        amounts.forEach((limit, amount) -> adds.add(name(Attributes.amount(limit)) + " " + value(number(amount))));
        adds.add(name(UsageItems.VERSION) + " " + value(number(1)));
    }

    void condition(String expression) {
        this.condition = expression;
    }

    UpdateItemRequest toRequest(String table, SnapshotKey key) {
        StringBuilder expression = new StringBuilder("SET ").append(String.join(", ", sets))
                .append(" ADD ").append(String.join(", ", adds));
        if (!removes.isEmpty()) {
            expression.append(" REMOVE ").append(String.join(", ", removes));
        }
        return UpdateItemRequest.builder().tableName(table).key(key.itemKey().toAttributes())
                .updateExpression(expression.toString())
                .conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
