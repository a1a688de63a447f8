package dev.limiter.lambda.aggregator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineTest {

    @Test
    void toString_fieldsInOrder_isOneFlatObject() {
        String line = JsonLine.of("INFO", "usage_batch").add("records", 3).add("requestId", "r-1").toString();

        assertThat(line).isEqualTo(
                "{\"level\":\"INFO\",\"event\":\"usage_batch\",\"records\":3,\"requestId\":\"r-1\"}");
    }

    @Test
    void add_quotesBackslashesAndControlCharacters_areEscaped() {
        String line = JsonLine.of("ERROR", "e").add("reason", "a \"b\"\\c\nd\te\u0001").toString();

        assertThat(line).endsWith(",\"reason\":\"a \\\"b\\\"\\\\c\\nd\\te\\u0001\"}").doesNotContain("\n");
    }
}
