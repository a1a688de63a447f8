package dev.limiter.micrometer;

import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.LimitStatus;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiterListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes a limiter's events to Micrometer: a {@link RateLimiterListener} to give the limiter's builder, and a
 * {@link MeterBinder} to bind to one or more registries.
 *
 * <pre>{@code
 * LimiterMetrics metrics = LimiterMetrics.builder("prod").build();
 * RateLimiter limiter = RateLimiter.builder().backend(backend).namespace("prod").listener(metrics).build();
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <p>Meters (every one tagged {@code namespace}, plus the builder's extra tags):
 * <ul>
 *   <li>{@value #DECISIONS} (counter), tags {@code resource}, {@code limit}, {@code outcome} ({@link Outcome}): one
 *       increment per limit that decided an acquire: each limit a granted lease charged on its own entity
 *       ({@code served_locally} instead of {@code granted} when the local tier served it), each limit
 *       that rejected a request, each shadow limit that would have rejected it ({@code shadow_rejected}, whether the
 *       request was then granted or rejected by an enforced limit), and {@code limit=none} for a backend failure (or
 *       a grant that charged nothing);</li>
 *   <li>{@value #ACQUIRE} (timer), tags {@code resource}, {@code outcome} ({@code granted} or {@code rejected}): one
 *       sample per acquire attempt, so its count is the number of attempts;</li>
 *   <li>{@value #UNAVAILABLE} (counter), tags {@code resource}, {@code policy} ({@code allow}: a degraded lease was
 *       granted or a settlement dropped; {@code block}: the caller got an exception);</li>
 *   <li>{@value #BACKEND_CALLS} (timer), tags {@code operation} ({@code charge}, {@code settle}, {@code read},
 *       {@code config}, {@code entity}) and {@code result} ({@code success} or {@code failure});</li>
 *   <li>{@value #CACHE_LOOKUPS} (counter), tag {@code result} ({@code hit} or {@code miss}), and
 *       {@value #CACHE_HIT_RATIO} (gauge), hits over lookups since the binder was created (1 before any lookup).</li>
 * </ul>
 * Entity ids become an {@code entity} tag on the first three only when {@link Builder#entityTag(boolean)} asks: every
 * entity then creates its own time series, which a registry with millions of users cannot hold.
 *
 * <p>Events before the first {@link #bindTo} are not recorded. Thread-safe; the listener methods do not block.
 */
public final class LimiterMetrics implements RateLimiterListener, MeterBinder {

    /** The counter of outcomes per limit. */
    public static final String DECISIONS = "limiter.decisions";
    /** The timer of acquire attempts. */
    public static final String ACQUIRE = "limiter.acquire";
    /** The counter of operations that found the backend unavailable. */
    public static final String UNAVAILABLE = "limiter.unavailable";
    /** The timer of backend calls. */
    public static final String BACKEND_CALLS = "limiter.backend.calls";
    /** The counter of configuration cache lookups. */
    public static final String CACHE_LOOKUPS = "limiter.cache.lookups";
    /** The gauge of the configuration cache's hit ratio. */
    public static final String CACHE_HIT_RATIO = "limiter.cache.hit.ratio";

    static final String NONE = "none";

    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final Tags common;
    private final boolean entityTag;
    private final ConcurrentMap<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<MeterKey, Timer> timers = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    LimiterMetrics(Tags common, boolean entityTag) {
        this.common = common;
        this.entityTag = entityTag;
        Gauge.builder(CACHE_HIT_RATIO, this, LimiterMetrics::hitRatio).tags(common)
                .description("Configuration cache lookups answered from the cache, over all lookups")
                .register(meters);
    }

    /**
     * A builder for a limiter of {@code namespace}, the value of the {@code namespace} tag.
     *
     * @throws IllegalArgumentException if {@code namespace} is blank
     */
    public static Builder builder(String namespace) {
        return new Builder(namespace);
    }

    /** Records into {@code registry} from now on; may be called for several registries. */
    @Override
    public void bindTo(MeterRegistry registry) {
        meters.add(registry);
    }

    @Override
    public void onGranted(Lease lease, Duration latency) {
        timer(ACQUIRE, lease.entity(), lease.resource(), "outcome", Outcome.GRANTED.tagValue()).record(latency);
        if (lease.charged().isEmpty()) {
            decision(lease.entity(), lease.resource(), NONE, Outcome.GRANTED);
            return;
        }
        Outcome outcome = lease.servedLocally() ? Outcome.SERVED_LOCALLY : Outcome.GRANTED;
        for (String limit : lease.charged().keySet()) {
            decision(lease.entity(), lease.resource(), limit, outcome);
        }
    }

    @Override
    public void onShadowRejected(Lease lease, List<LimitStatus> wouldHaveRejected) {
        for (String limit : names(wouldHaveRejected)) {
            decision(lease.entity(), lease.resource(), limit, Outcome.SHADOW_REJECTED);
        }
    }

    @Override
    public void onRejected(Decision.Rejected rejection, Duration latency) {
        timer(ACQUIRE, rejection.entity(), rejection.resource(), "outcome", Outcome.REJECTED.tagValue())
                .record(latency);
        for (String limit : names(rejection.violations())) {
            decision(rejection.entity(), rejection.resource(), limit, Outcome.REJECTED);
        }
        List<LimitStatus> shadows = new ArrayList<>();
        for (LimitStatus status : rejection.statuses()) {
            if (status.shadowRejected()) {
                shadows.add(status);
            }
        }
        for (String limit : names(shadows)) {
            decision(rejection.entity(), rejection.resource(), limit, Outcome.SHADOW_REJECTED);
        }
    }

    /** The distinct limit names of {@code statuses}, in order: a cascade may report one name per level. */
    private static Set<String> names(List<LimitStatus> statuses) {
        Set<String> names = new LinkedHashSet<>();
        for (LimitStatus status : statuses) {
            names.add(status.limitName());
        }
        return names;
    }

    @Override
    public void onUnavailable(String entity, String resource, OnUnavailable policy, Throwable cause) {
        decision(entity, resource, NONE, Outcome.UNAVAILABLE);
        counter(new MeterKey(UNAVAILABLE, entityTag ? entity : "", resource, "policy",
                policy.name().toLowerCase(Locale.ROOT), ""), "Operations that found the backend unavailable")
                .increment();
    }

    @Override
    public void onBackendCall(String operation, Duration latency, boolean failed) {
        MeterKey key = new MeterKey(BACKEND_CALLS, "", "", "operation", operation, failed ? "failure" : "success");
        timers.computeIfAbsent(key, k -> Timer.builder(BACKEND_CALLS).tags(common)
                .tag("operation", k.tagValue()).tag("result", k.extraValue())
                .description("Calls from the limiter to its backend").register(meters)).record(latency);
    }

    @Override
    public void onCacheLookup(boolean hit) {
        (hit ? hits : misses).increment();
        MeterKey key = new MeterKey(CACHE_LOOKUPS, "", "", "result", hit ? "hit" : "miss", "");
        counters.computeIfAbsent(key, k -> Counter.builder(CACHE_LOOKUPS).tags(common).tag("result", k.tagValue())
                .description("Lookups of resolved limits in the per-process cache").register(meters)).increment();
    }

    /**
     * Counts one outcome of {@code limit}; used by the limiter's events and, for outcomes the core does not report
     * yet, by integrations that learn of them otherwise.
     */
    public void recordDecision(String entity, String resource, String limit, Outcome outcome) {
        decision(entity, resource, limit, outcome);
    }

    private void decision(String entity, String resource, String limit, Outcome outcome) {
        counter(new MeterKey(DECISIONS, entityTag ? entity : "", resource, "outcome", outcome.tagValue(), limit),
                "Outcomes of acquires, per limit that decided").increment();
    }

    private Counter counter(MeterKey key, String description) {
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(k.name()).tags(common).tag("resource", k.resource())
                    .tag(k.tagKey(), k.tagValue()).description(description);
            if (DECISIONS.equals(k.name())) {
                builder.tag("limit", k.extraValue());
            }
            if (entityTag) {
                builder.tag("entity", k.entity());
            }
            return builder.register(meters);
        });
    }

    private Timer timer(String name, String entity, String resource, String tagKey, String tagValue) {
        MeterKey key = new MeterKey(name, entityTag ? entity : "", resource, tagKey, tagValue, "");
        return timers.computeIfAbsent(key, k -> {
            Timer.Builder builder = Timer.builder(k.name()).tags(common).tag("resource", k.resource())
                    .tag(k.tagKey(), k.tagValue()).description("Acquire attempts, from request to decision");
            if (entityTag) {
                builder.tag("entity", k.entity());
            }
            return builder.register(meters);
        });
    }

    private double hitRatio() {
        long hit = hits.sum();
        long total = hit + misses.sum();
        return total == 0 ? 1.0 : (double) hit / total;
    }

    /** Identifies a cached meter; unused parts are empty strings. */
    private record MeterKey(String name, String entity, String resource, String tagKey, String tagValue,
                            String extraValue) {
    }

    /** Builds {@link LimiterMetrics}. Not thread-safe. */
    public static final class Builder {

        private final String namespace;
        private Tags tags = Tags.empty();
        private boolean entityTag;

        private Builder(String namespace) {
            if (namespace == null || namespace.isBlank()) {
                throw new IllegalArgumentException("namespace must not be blank, got '" + namespace + "'");
            }
            this.namespace = namespace;
        }

        /**
         * Whether meters get an {@code entity} tag. Default {@code false}: one time series per entity can exhaust a
         * metrics backend; turn it on only for a bounded set of entities.
         */
        public Builder entityTag(boolean enabled) {
            this.entityTag = enabled;
            return this;
        }

        /** Tags added to every meter, e.g. {@code Tags.of("limiter", "llm")}. Default none. */
        public Builder tags(Iterable<Tag> extra) {
            if (extra == null) {
                throw new IllegalArgumentException("tags must not be null");
            }
            this.tags = Tags.of(extra);
            return this;
        }

        /** Builds the binder. */
        public LimiterMetrics build() {
            return new LimiterMetrics(Tags.of("namespace", namespace).and(tags), entityTag);
        }
    }
}
