package dev.limiter.dynamodb.acquire;

import dev.limiter.dynamodb.schema.Attributes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTokensTest {

    @Test
    void fingerprint_distinctTokens_areDistinctAndEightCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String fingerprint = RecentTokens.fingerprint(String.format("%032x", i));
            assertThat(fingerprint).hasSize(8).matches("[A-Za-z0-9_-]{8}");
            seen.add(fingerprint);
        }

        assertThat(seen).hasSize(10_000);
    }

    @Test
    void fingerprint_acquireAndSettlementOfOneLease_differ() {
        String lease = "7c1e0d3a9b5f48e2a06b1c2d3e4f5a6b";

        assertThat(RecentTokens.fingerprint(lease)).isNotEqualTo(RecentTokens.fingerprint(lease + ":s"));
    }

    @Test
    void recorded_tokenAmongRecentOnes_isTrue() {
        Map<String, AttributeValue> item = Map.of(Attributes.LAST_TOKEN, AttributeValue.fromS("other"),
                Attributes.RECENT_TOKENS, AttributeValue.fromL(List.of(AttributeValue.fromS(RecentTokens.fingerprint("a")),
                        AttributeValue.fromS(RecentTokens.fingerprint("b")))));

        assertThat(RecentTokens.recorded(item, "a")).isTrue();
        assertThat(RecentTokens.recorded(item, "c")).isFalse();
        assertThat(RecentTokens.recorded(item, "other")).isTrue();
    }

    @Test
    void stamp_listNotKnownFull_appendsWithoutRemoving() {
        Expression e = new Expression();

        RecentTokens.stamp(e, "a", RecentTokens.KEEP - 1);

        assertThat(e.updateExpression()).contains("list_append(if_not_exists(").doesNotContain("REMOVE");
    }

    @Test
    void stamp_listKnownFull_appendsAtAnIndexAndDropsTheOldest() {
        Expression e = new Expression();

        RecentTokens.stamp(e, "a", RecentTokens.KEEP);

        assertThat(e.updateExpression()).contains("[1000] = ").contains("REMOVE #a0[0]").doesNotContain("[1]");
    }

    @Test
    void stamp_listKnownOvergrown_dropsTwo() {
        Expression e = new Expression();

        RecentTokens.stamp(e, "a", RecentTokens.KEEP + RecentTokens.SLACK);

        assertThat(e.updateExpression()).contains("REMOVE #a0[0], #a0[1]");
    }
}
