package dev.limiter.dynamodb.acquire;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.ItemKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates an update expression, its condition and their placeholders. Attribute names always go through
 * placeholders, because limit names may contain characters ({@code .}, {@code -}) that expressions reserve.
 * Not thread-safe; one per request.
 */
final class Expression {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();

    /** The placeholder of {@code attribute}, allocated on first use. */
    String name(String attribute) {
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (entry.getValue().equals(attribute)) {
                return entry.getKey();
            }
        }
        String placeholder = "#a" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    /** A new placeholder for {@code value}. */
    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** A new placeholder for a number. */
    String number(long value) {
        return value(AttributeValue.fromN(Long.toString(value)));
    }

    /** The placeholder of a value shared by several clauses, e.g. {@code :now}. */
    String shared(String placeholder, AttributeValue value) {
        values.putIfAbsent(placeholder, value);
        return placeholder;
    }

    void set(String clause) {
        sets.add(clause);
    }

    void add(String clause) {
        adds.add(clause);
    }

    void remove(String path) {
        removes.add(path);
    }

    void condition(String clause) {
        conditions.add(clause);
    }

    /**
     * Stamps the write with {@code token} and makes it fail if the item already carries it, as its last token or
     * among its {@linkplain RecentTokens recent} ones: a retried write that was applied before finds its own token
     * and is recognised as a duplicate instead of being applied twice. {@code knownRecent} is how many recent tokens
     * the writer last saw in the item (0 if unknown).
     */
    void stampToken(String token, int knownRecent) {
        // The recent tokens include the last one, so only they are conditioned on; l stays for the aggregator.
        set(name(Attributes.LAST_TOKEN) + " = " + value(AttributeValue.fromS(token)));
        RecentTokens.stamp(this, token, knownRecent);
    }

    /** The conditional update of {@code key}, returning the new image, or the old one when the condition fails. */
    UpdateItemRequest toUpdateItem(String table, ItemKey key) {
        return UpdateItemRequest.builder().tableName(table).key(key.toAttributes())
                .updateExpression(updateExpression()).conditionExpression(conditionExpression())
                .expressionAttributeNames(names()).expressionAttributeValues(values())
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** The same update as an action of a transaction, returning the old image when its condition fails. */
    Update toTransactUpdate(String table, ItemKey key) {
        return Update.builder().tableName(table).key(key.toAttributes())
                .updateExpression(updateExpression()).conditionExpression(conditionExpression())
                .expressionAttributeNames(names()).expressionAttributeValues(values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    String updateExpression() {
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(expression.length() == 0 ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        if (!adds.isEmpty()) {
            expression.append(expression.length() == 0 ? "" : " ").append("ADD ").append(String.join(", ", adds));
        }
        return expression.toString();
    }

    String conditionExpression() {
        return "(" + String.join(") AND (", conditions) + ")";
    }

    Map<String, String> names() {
        return Map.copyOf(names);
    }

    Map<String, AttributeValue> values() {
        return Map.copyOf(values);
    }
}
