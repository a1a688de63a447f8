package dev.limiter.spring.actuate;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.CacheStats;
import dev.limiter.config.Explanation;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code limiter} Actuator endpoint. {@code GET /actuator/limiter} shows the namespace, the on-unavailable policy
 * and the configuration cache counters; {@code GET /actuator/limiter/{entity}/{resource}} explains that bucket (a
 * resource may contain {@code /}): for the entity and each ancestor it cascades to, every effective limit with the
 * level it came from (request-level limits of {@code limiter.limits.*} included, ranked last), whether it is a
 * shadow limit, available tokens, debt, time to full and tokens consumed, plus the request limits a stored level
 * overrides. Explaining reads the buckets and
 * writes nothing. Expose it with
 * {@code management.endpoints.web.exposure.include=limiter}: it reveals entity ids and limits. Thread-safe.
 */
@Endpoint(id = "limiter")
public class LimiterEndpoint {

    private final RateLimiter limiter;
    private final Limit[] requestLimits;

    /**
     * An endpoint over {@code limiter} whose explanations include {@code requestLimits} (the limits
     * {@code @RateLimited} passes with each request), ranked below every stored level as in an acquire.
     */
    public LimiterEndpoint(RateLimiter limiter, List<Limit> requestLimits) {
        this.limiter = limiter;
        this.requestLimits = requestLimits.toArray(Limit[]::new);
    }

    /** The limiter's settings and cache counters. */
    @ReadOperation
    public Map<String, Object> summary() {
        CacheStats stats = limiter.cacheStats();
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("hits", stats.hits());
        cache.put("misses", stats.misses());
        cache.put("load_failures", stats.loadFailures());
        cache.put("evictions", stats.evictions());
        cache.put("hit_rate", stats.hitRate());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("namespace", limiter.namespace());
        body.put("on_unavailable", limiter.onUnavailable().name().toLowerCase(Locale.ROOT));
        body.put("config_cache", cache);
        return body;
    }

    /**
     * Explains the limits of {@code entity} for the resource made of {@code resource}'s path segments.
     *
     * @throws InvalidEndpointRequestException (HTTP 400) if the entity or resource is not a valid id
     */
    @ReadOperation
    public Map<String, Object> explain(@Selector String entity, @Selector(match = Selector.Match.ALL_REMAINING)
                                       String[] resource) {
        Explanation explanation;
        try {
            explanation = limiter.explain(AcquireRequest.of(entity, String.join("/", resource))
                    .withLimits(requestLimits));
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
        return view(explanation);
    }

    static Map<String, Object> view(Explanation explanation) {
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (Explanation.Bucket bucket : explanation.buckets()) {
            List<Map<String, Object>> limits = new ArrayList<>();
            for (Explanation.LimitExplanation limit : bucket.limits()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("limit", limit.limit().name());
                item.put("capacity", limit.limit().capacity());
                item.put("refill_amount", limit.limit().refillAmount());
                item.put("refill_period", limit.limit().refillPeriod().toString());
                item.put("source", limit.source().name().toLowerCase(Locale.ROOT));
                item.put("shadow", limit.shadow());
                item.put("available", limit.available());
                item.put("debt", limit.debt());
                item.put("time_to_full", limit.timeToFull().toString());
                item.put("consumed", limit.consumed());
                limits.add(item);
            }
            Map<String, Object> unlimited = new LinkedHashMap<>();
            bucket.unlimited().forEach((name, level) ->
                    unlimited.put(name, level.name().toLowerCase(Locale.ROOT)));
            Map<String, Object> overridden = new LinkedHashMap<>();
            bucket.overriddenRequestLimits().forEach((name, level) ->
                    overridden.put(name, level.name().toLowerCase(Locale.ROOT)));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("entity", bucket.entity());
            item.put("limits", limits);
            item.put("unlimited", unlimited);
            item.put("overridden_request_limits", overridden);
            buckets.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("namespace", explanation.namespace());
        body.put("entity", explanation.entity());
        body.put("resource", explanation.resource());
        body.put("buckets", buckets);
        return body;
    }
}
