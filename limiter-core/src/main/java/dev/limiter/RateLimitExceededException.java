package dev.limiter;

import dev.limiter.internal.Arithmetic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request was rejected because at least one limit had too few tokens. Nothing was charged. Carries the exact
 * time to wait and the state of every limit checked, ready for an HTTP 429 response:
 *
 * <pre>{@code
 * } catch (RateLimitExceededException e) {
 *     response.setStatus(429);
 *     response.setHeader("Retry-After", e.retryAfterHeader());
 *     json.write(response, e.toMap());
 * }
 * }</pre>
 *
 * <p>Has no stack trace: rejection is an expected outcome, and filling one in would cost more than the acquire.
 */
public final class RateLimitExceededException extends RateLimiterException {

    private static final long serialVersionUID = 1L;

    private final transient Decision.Rejected rejection;
    private transient String message;

    /** Creates the exception for {@code rejection}; the message is only formatted if someone reads it. */
    public RateLimitExceededException(Decision.Rejected rejection) {
        super("rate limit exceeded");
        this.rejection = rejection;
    }

    @Override
    public String getMessage() {
        if (message == null) {
            message = message(rejection);
        }
        return message;
    }

    /** The entity of the request. */
    public String entity() {
        return rejection.entity();
    }

    /** The resource of the request. */
    public String resource() {
        return rejection.resource();
    }

    /** The exact time until the request would be admitted, if nothing else is charged meanwhile. */
    public Duration retryAfter() {
        return rejection.retryAfter();
    }

    /** {@link #retryAfter()} rounded up to whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, Arithmetic.ceilSeconds(rejection.retryAfter()));
    }

    /** The value of an HTTP {@code Retry-After} header: {@link #retryAfterSeconds()} as text. */
    public String retryAfterHeader() {
        return Long.toString(retryAfterSeconds());
    }

    /** The statuses of the limits that rejected the request. */
    public List<LimitStatus> violations() {
        return rejection.violations();
    }

    /** The statuses of every limit the request was checked against. */
    public List<LimitStatus> statuses() {
        return rejection.statuses();
    }

    /** The rejection as a value. */
    public Decision.Rejected rejection() {
        return rejection;
    }

    /**
     * A JSON-ready body for an HTTP 429 response: {@code error}, {@code message}, {@code entity},
     * {@code resource}, {@code retry_after_seconds}, {@code retry_after_ms}, {@code violations} and
     * {@code statuses}, each status with {@code entity}, {@code resource}, {@code limit}, {@code capacity},
     * {@code refill_amount}, {@code refill_period_seconds}, {@code shadow}, {@code available}, {@code requested},
     * {@code retry_after_ms}. Values are strings, numbers, booleans and lists only.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "rate_limit_exceeded");
        body.put("message", getMessage());
        body.put("entity", entity());
        body.put("resource", resource());
        body.put("retry_after_seconds", retryAfterSeconds());
        body.put("retry_after_ms", millisCeil(retryAfter()));
        body.put("violations", toMaps(violations()));
        body.put("statuses", toMaps(statuses()));
        return body;
    }

    private static List<Map<String, Object>> toMaps(List<LimitStatus> statuses) {
        List<Map<String, Object>> maps = new ArrayList<>(statuses.size());
        for (LimitStatus status : statuses) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("entity", status.entity());
            map.put("resource", status.resource());
            map.put("limit", status.limitName());
            map.put("capacity", status.limit().capacity());
            map.put("refill_amount", status.limit().refillAmount());
            map.put("refill_period_seconds", status.limit().refillPeriod().toNanos() / 1e9);
            map.put("shadow", status.limit().shadow());
            map.put("available", status.available());
            map.put("requested", status.requested());
            map.put("retry_after_ms", millisCeil(status.retryAfter()));
            maps.add(map);
        }
        return maps;
    }

    private static long millisCeil(Duration duration) {
        long millis = duration.toMillis();
        return duration.minusMillis(millis).isZero() ? millis : millis + 1;
    }

    private static String message(Decision.Rejected rejection) {
        StringBuilder text = new StringBuilder("rate limit exceeded for entity '").append(rejection.entity())
                .append("' resource '").append(rejection.resource()).append("': ");
        for (int i = 0; i < rejection.violations().size(); i++) {
            LimitStatus violation = rejection.violations().get(i);
            text.append(i == 0 ? "" : ", ").append(violation.limitName());
            if (!violation.entity().equals(rejection.entity())) {
                text.append(" of '").append(violation.entity()).append('\'');
            }
            text.append(" (requested ").append(violation.requested()).append(", available ")
                    .append(violation.available()).append(')');
        }
        return text.append("; retry after ").append(rejection.retryAfter()).toString();
    }
}
