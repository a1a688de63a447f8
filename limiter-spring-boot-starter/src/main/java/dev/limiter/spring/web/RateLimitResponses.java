package dev.limiter.spring.web;

import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.RateLimitExceededException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The status, headers and body of the limiter's error responses, shared by the exception handler and the filter. */
final class RateLimitResponses {

    /** HTTP 429 Too Many Requests. */
    static final int TOO_MANY_REQUESTS = 429;
    /** HTTP 400 Bad Request. */
    static final int BAD_REQUEST = 400;
    /** HTTP 503 Service Unavailable. */
    static final int SERVICE_UNAVAILABLE = 503;

    private RateLimitResponses() {
    }

    /** The headers of a 429 for {@code rejection}: {@code Retry-After}, {@code RateLimit-Policy}, {@code RateLimit}. */
    static Map<String, String> headers(RateLimitExceededException rejection) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", rejection.retryAfterHeader());
        String policy = RateLimitHeaders.policy(rejection.entity(), rejection.statuses());
        if (!policy.isEmpty()) {
            headers.put(RateLimitHeaders.POLICY, policy);
            headers.put(RateLimitHeaders.LIMIT, RateLimitHeaders.limit(rejection.entity(), rejection.statuses()));
        }
        return headers;
    }

    /** The JSON-ready body of a 503 for a backend outage; it does not reveal the cause. */
    static Map<String, Object> unavailableBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "rate_limiter_unavailable");
        body.put("message", "the rate limiter's backend is unavailable; retry later");
        return body;
    }

    /** The JSON-ready body of a 400 for a request that asks for more than a limit can ever hold. */
    static Map<String, Object> capacityBody(AmountExceedsCapacityException impossible) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "amount_exceeds_capacity");
        body.put("message", impossible.getMessage());
        return body;
    }

    /** {@code body} as JSON; values are strings, numbers, booleans, lists and maps, as {@code toMap()} promises. */
    static String json(Object body) {
        StringBuilder out = new StringBuilder();
        write(out, body);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                string(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value == null) {
            out.append("null");
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
