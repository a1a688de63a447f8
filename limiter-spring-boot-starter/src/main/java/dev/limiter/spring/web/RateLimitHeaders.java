package dev.limiter.spring.web;

import dev.limiter.LimitStatus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Formats limit statuses as the {@code RateLimit-Policy} and {@code RateLimit} fields of the IETF draft
 * draft-ietf-httpapi-ratelimit-headers, syntax as in revision -10 (September 2025), sections "RateLimit-Policy
 * Field" and "RateLimit Field" (revision -12 of November 2026 is the latest published): Structured Field lists with
 * one item per limit, named by a string.
 *
 * <ul>
 *   <li>{@code RateLimit-Policy: "rpm";q=100;w=60}: {@code q} is the capacity (the burst), {@code w} the seconds an
 *       empty bucket takes to refill completely, rounded up, so {@code q/w} is the sustained rate;</li>
 *   <li>{@code RateLimit: "rpm";r=0;t=12}: {@code r} the whole tokens remaining (never negative, though a bucket in
 *       debt has fewer than zero), {@code t} the seconds until the request fits again (for a limit that rejected it)
 *       or until at least one more token has refilled (otherwise), rounded up; 0 when the bucket is full.</li>
 * </ul>
 * Limits of the request's own entity are named by the limit's name; limits of an ancestor charged through cascade are
 * named {@code "ancestor/limit"}, so they do reveal ancestor ids to the client. Shadow limits
 * ({@link dev.limiter.Limit#shadow}) are left out: they enforce nothing, and advertising them would make clients slow
 * down for a limit that does not apply. Thread-safe (stateless).
 */
public final class RateLimitHeaders {

    /** The name of the policy field. */
    public static final String POLICY = "RateLimit-Policy";
    /** The name of the service limit field. */
    public static final String LIMIT = "RateLimit";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private RateLimitHeaders() {
    }

    /** The {@code RateLimit-Policy} value for {@code statuses} of a request by {@code entity}; empty if none. */
    public static String policy(String entity, List<LimitStatus> statuses) {
        StringBuilder value = new StringBuilder();
        for (LimitStatus status : distinct(statuses).values()) {
            separate(value).append(name(entity, status)).append(";q=").append(status.limit().capacity())
                    .append(";w=").append(Math.max(1, ceilSeconds(status.limit().toleranceNanos())));
        }
        return value.toString();
    }

    /** The {@code RateLimit} value for {@code statuses} of a request by {@code entity}; empty if none. */
    public static String limit(String entity, List<LimitStatus> statuses) {
        StringBuilder value = new StringBuilder();
        for (LimitStatus status : distinct(statuses).values()) {
            separate(value).append(name(entity, status)).append(";r=").append(Math.max(0, status.available()))
                    .append(";t=").append(reset(status));
        }
        return value.toString();
    }

    private static long reset(LimitStatus status) {
        if (status.exceeded()) {
            return Math.max(1, ceilSeconds(status.retryAfter()));
        }
        if (status.available() >= status.limit().capacity()) {
            return 0;
        }
        return Math.max(1, ceilSeconds(status.limit().costNanos(1)));
    }

    private static Map<String, LimitStatus> distinct(List<LimitStatus> statuses) {
        Map<String, LimitStatus> byName = new LinkedHashMap<>();
        for (LimitStatus status : statuses) {
            if (!status.limit().shadow()) {
                byName.putIfAbsent(status.entity() + "/" + status.limitName(), status);
            }
        }
        return byName;
    }

    /** A Structured Field string: ids and limit names never hold quotes or backslashes, so none need escaping. */
    private static String name(String entity, LimitStatus status) {
        String name = status.entity().equals(entity) ? status.limitName() : status.entity() + "/" + status.limitName();
        return '"' + name + '"';
    }

    private static StringBuilder separate(StringBuilder value) {
        return value.isEmpty() ? value : value.append(", ");
    }

    private static long ceilSeconds(Duration duration) {
        return ceilSeconds(duration.toNanos());
    }

    private static long ceilSeconds(long nanos) {
        return nanos / NANOS_PER_SECOND + (nanos % NANOS_PER_SECOND == 0 ? 0 : 1);
    }
}
