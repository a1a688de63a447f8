package dev.limiter.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written identifier checks accept exactly what their documented rules (regular expressions) accept: every
 * character up to U+017F, and a spread of higher ones (each rejected check throws, so not all 65,536), is tried as
 * the first and as a later character of each kind of name.
 */
class RequireTest {

    @Test
    void entityId_acceptsExactlyItsRule() {
        assertMatchesRule("[A-Za-z0-9][A-Za-z0-9_.:@-]*", value -> Require.entityId("entity", value));
    }

    @Test
    void resource_acceptsExactlyItsRule() {
        assertMatchesRule("[A-Za-z0-9][A-Za-z0-9_.:@/-]*", value -> Require.resource("resource", value));
    }

    @Test
    void namespace_acceptsExactlyItsRule() {
        assertMatchesRule("[A-Za-z0-9][A-Za-z0-9_.-]*", value -> Require.namespace("namespace", value));
    }

    @Test
    void limitName_acceptsExactlyItsRule() {
        assertMatchesRule("[A-Za-z][A-Za-z0-9_.-]*", value -> Require.limitName("limit name", value));
    }

    private static void assertMatchesRule(String rule, UnaryOperator<String> check) {
        Pattern pattern = Pattern.compile(rule);
        List<String> disagreements = new ArrayList<>();
        for (int code = 0; code <= Character.MAX_VALUE; code += code < 0x180 ? 1 : 251) {
            char c = (char) code;
            for (String value : new String[] {c + "a", "a" + c, "ab" + c + "c"}) {
                if (accepts(check, value) != pattern.matcher(value).matches()) {
                    disagreements.add(value + " (char " + (int) c + ")");
                }
            }
        }
        assertThat(disagreements).as("values where the check and the rule %s disagree", rule).isEmpty();
    }

    private static boolean accepts(UnaryOperator<String> check, String value) {
        try {
            check.apply(value);
            return true;
        } catch (IllegalArgumentException rejected) {
            return false;
        }
    }
}
