package dev.limiter.benchmarks;

import dev.limiter.backend.BucketKey;
import dev.limiter.dynamodb.schema.BucketItems;
import dev.limiter.dynamodb.schema.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical floor of an acquire: one {@code UpdateItem} on the same async client, with the expression the
 * limiter sends for an uncontended two-limit acquire (the idle branch of both limits, see
 * {@code dev.limiter.dynamodb.acquire}), built as cheaply as a hand-written client would build it. Per operation:
 * <pre>
 * SET t_rpm = :t1, p_rpm = :p1, t_tpm = :t2, p_tpm = :p2, l = :tok, ttl = :ttl ADD c_rpm :n1, c_tpm :n2
 * IF (attribute_not_exists(t_rpm) OR t_rpm &lt;= :now) AND (attribute_not_exists(t_tpm) OR t_tpm &lt;= :now)
 *    AND (attribute_not_exists(l) OR l &lt;&gt; :tok)
 * </pre>
 * with {@code ReturnValues=ALL_NEW} and {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}, on a bucket item of
 * the limiter's shape and key length (one per client, so uncontended). The response is not decoded beyond what
 * the SDK does. The condition never fails: each write's TATs are a few hundred nanoseconds ahead of its own now.
 *
 * <p>Thread-safe.
 */
final class BareUpdate implements Contender {

    private static final Map<String, String> NAMES = Map.of(
            "#t1", "t_rpm", "#p1", "p_rpm", "#c1", "c_rpm",
            "#t2", "t_tpm", "#p2", "p_tpm", "#c2", "c_tpm",
            "#l", "l", "#ttl", "ttl");
    private static final String UPDATE =
            "SET #t1 = :t1, #p1 = :p1, #t2 = :t2, #p2 = :p2, #l = :tok, #ttl = :ttl ADD #c1 :n1, #c2 :n2";
    private static final String CONDITION = "(attribute_not_exists(#t1) OR #t1 <= :now)"
            + " AND (attribute_not_exists(#t2) OR #t2 <= :now) AND (attribute_not_exists(#l) OR #l <> :tok)";
    /** The parameters attribute as the limiter stores them for its benchmark limits. */
    private static final AttributeValue PARAMS = AttributeValue.fromS(BucketItems.encodeParams(LimiterAcquire.RPM));
    private static final AttributeValue ONE = AttributeValue.fromN("1");
    private static final AttributeValue FIVE_HUNDRED = AttributeValue.fromN("500");
    private static final long DAY_SECONDS = 86_400;
    /** Tokens are 32 hex digits, like the limiter's lease ids. */
    private static final String ZEROS = "0".repeat(32);

    private final DynamoDbAsyncClient client;
    private final String table;
    private final List<Map<String, AttributeValue>> keys;
    private final AtomicLong tokens = new AtomicLong();

    BareUpdate(DynamoDbAsyncClient client, String table, String namespace, int clients) {
        this.client = client;
        this.table = table;
        List<Map<String, AttributeValue>> perClient = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // Same length as the limiter's "user-<i>" buckets: the item size, and so the work, matches.
            perClient.add(Keys.bucket(new BucketKey(namespace, "bare-" + i, "gpt-4")).toAttributes());
        }
        this.keys = List.copyOf(perClient);
    }

    @Override
    public String name() {
        return "bare UpdateItem";
    }

    @Override
    public void run(int clientIndex) {
        Instant instant = Instant.now();
        long now = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        String hex = Long.toHexString(tokens.incrementAndGet());
        String token = ZEROS.substring(hex.length()) + hex;
        Map<String, AttributeValue> values = Map.of(
                ":now", number(now), ":t1", number(now + 1), ":t2", number(now + 500),
                ":p1", PARAMS, ":p2", PARAMS, ":n1", ONE, ":n2", FIVE_HUNDRED,
                ":tok", AttributeValue.fromS(token),
                ":ttl", number(instant.getEpochSecond() + DAY_SECONDS));
        client.updateItem(UpdateItemRequest.builder().tableName(table).key(keys.get(clientIndex))
                .updateExpression(UPDATE).conditionExpression(CONDITION)
                .expressionAttributeNames(NAMES).expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).join();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
