package dev.limiter.lambda.aggregator;

/**
 * One log line as a flat JSON object, so CloudWatch Logs Insights can filter on its fields. Not thread-safe.
 */
final class JsonLine {

    private final StringBuilder json = new StringBuilder(160).append('{');

    private JsonLine() {
    }

    /** A line with its {@code level} and {@code event} fields. */
    static JsonLine of(String level, String event) {
        return new JsonLine().add("level", level).add("event", event);
    }

    JsonLine add(String key, String value) {
        separate(key);
        quote(value);
        return this;
    }

    JsonLine add(String key, long value) {
        separate(key);
        json.append(value);
        return this;
    }

    @Override
    public String toString() {
        return json + "}";
    }

    private void separate(String key) {
        if (json.length() > 1) {
            json.append(',');
        }
        quote(key);
        json.append(':');
    }

    private void quote(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c == '\n') {
                json.append("\\n");
            } else if (c == '\r') {
                json.append("\\r");
            } else if (c == '\t') {
                json.append("\\t");
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
