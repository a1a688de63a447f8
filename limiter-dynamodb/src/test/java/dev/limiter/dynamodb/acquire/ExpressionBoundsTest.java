package dev.limiter.dynamodb.acquire;

import dev.limiter.Limit;
import dev.limiter.backend.BucketCharge;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.LimitCharge;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import dev.limiter.dynamodb.schema.Keys;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The largest write a bucket can need stays inside DynamoDB's expression limits (4 KB per expression, 300 operators
 * or functions), which moto does not enforce (issue 9, item 6): {@link Limit#MAX_PER_BUCKET} limits with the
 * longest names, all on the busy branch (the longest condition), plus {@link ChargeWrite#MAX_DROPPED} limits that are
 * no longer configured. Operators are counted generously: the {@code AND} inside {@code BETWEEN}, every comparison
 * and arithmetic sign, every function, and every action of the update.
 */
class ExpressionBoundsTest {

    private static final int MAX_EXPRESSION_BYTES = 4 * 1024;
    private static final int MAX_OPERATORS = 300;
    private static final Pattern OPERATOR = Pattern.compile("\\bAND\\b|\\bOR\\b|\\bNOT\\b|\\bBETWEEN\\b"
            + "|<>|<=|>=|=|<|>|\\+|-|[a-z_]+\\(|,|\\bSET\\b|\\bADD\\b|\\bREMOVE\\b");
    private static final long NOW = 1_800_000_000_000_000_000L;

    @Test
    void plan_maxLimitsAllBusyPlusMaxDropped_staysUnderDynamoDbExpressionLimits() {
        UpdateItemRequest request = worstCase().toUpdateItem("table");

        String condition = request.conditionExpression();
        String update = request.updateExpression();

        String measured = String.format("condition %d bytes, %d operators; update %d bytes, %d operators",
                bytes(condition), operators(condition), bytes(update), operators(update));
        assertThat(update).contains("REMOVE");
        assertThat(bytes(condition)).as(measured).isLessThan(MAX_EXPRESSION_BYTES * 2 / 3);
        assertThat(bytes(update)).as(measured).isLessThan(MAX_EXPRESSION_BYTES * 2 / 3);
        assertThat(operators(condition)).as(measured).isLessThan(MAX_OPERATORS * 2 / 3);
        assertThat(operators(update)).as(measured).isLessThan(MAX_OPERATORS * 2 / 3);
        assertThat(request.expressionAttributeNames().values())
                .allSatisfy(name -> assertThat(bytes(name)).isLessThanOrEqualTo(255));
    }

    @Test
    void plan_moreStaleLimitsThanTheDropBound_dropsOnlyTheBoundPerWrite() {
        String update = worstCase().toUpdateItem("table").updateExpression();

        String removed = update.substring(update.indexOf("REMOVE "), update.indexOf(" ADD "));

        // Each dropped limit removes three attributes; list elements ("#a[0]") are the recent-token trim.
        assertThat(removed.split(", ")).filteredOn(path -> !path.endsWith("]")).hasSize(3 * ChargeWrite.MAX_DROPPED);
    }

    /** 32 charged limits seen busy, and twice the drop bound of full stored limits no longer configured. */
    private static ChargeWrite worstCase() {
        List<LimitCharge> charges = new ArrayList<>();
        Map<String, Branch> branches = new HashMap<>();
        Set<String> configured = new HashSet<>();
        List<LimitState> stored = new ArrayList<>();
        for (int i = 0; i < Limit.MAX_PER_BUCKET; i++) {
            Limit limit = Limit.of(longName("l", i), Limit.MAX_TOKENS, Limit.MAX_TOKENS, Limit.MAX_PERIOD);
            charges.add(new LimitCharge(limit, Limit.MAX_TOKENS / 7));
            branches.put(limit.name(), Branch.BUSY);
            configured.add(limit.name());
            stored.add(new LimitState(limit, NOW + 1, Long.MAX_VALUE / 3));
        }
        for (int i = 0; i < 2 * ChargeWrite.MAX_DROPPED; i++) {
            stored.add(new LimitState(Limit.perSecond(longName("x", i), 10), NOW - 1, 5));
        }
        BucketKey key = new BucketKey("ns", "entity", "resource");
        return ChargeWrite.plan(new BucketCharge(key, charges, configured), Keys.bucket(key), branches, NOW,
                "0123456789abcdef0123456789abcdef", Long.MAX_VALUE / 1_000_000_000L, new BucketState(stored),
                RecentTokens.KEEP + RecentTokens.SLACK); // a full recent-token list: the trimming clause too
    }

    private static String longName(String prefix, int i) {
        String name = prefix + i + "_";
        return name + "n".repeat(64 - name.length());
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int operators(String expression) {
        Matcher matcher = OPERATOR.matcher(expression);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
