package dev.limiter.micrometer;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.Explanation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the live state of buckets registered by name: {@value #AVAILABLE} (whole tokens available now, negative
 * in debt) and {@value #DEBT} (tokens owed, 0 when not in debt), tagged {@code namespace}, {@code entity},
 * {@code resource} and {@code limit}. Only the buckets named here get gauges, so entity ids in tags are bounded.
 *
 * <pre>{@code
 * BucketGauges.builder(limiter).bucket("acme", "gpt-4o").build().bindTo(registry);
 * }</pre>
 *
 * <p>Binding explains each bucket once to learn its limits (stored ones, plus the
 * {@link Builder#requestLimits request-level limits} given here; a limit added later gets no gauge until the next
 * binding). A scrape reads each bucket at most once per {@link Builder#refreshInterval refresh interval} through
 * {@link RateLimiter#explain} (on DynamoDB one {@code GetItem}), blocking the scraping thread; a failed read reports
 * {@code NaN}. Thread-safe.
 */
public final class BucketGauges implements MeterBinder {

    /** The gauge of available tokens. */
    public static final String AVAILABLE = "limiter.bucket.available";
    /** The gauge of tokens owed. */
    public static final String DEBT = "limiter.bucket.debt";

    private static final Logger LOG = LoggerFactory.getLogger(BucketGauges.class);

    private final RateLimiter limiter;
    private final List<Watched> buckets;
    private final Duration refreshInterval;
    private final InstantSource clock;
    private final Limit[] requestLimits;

    private BucketGauges(Builder builder) {
        this.requestLimits = builder.requestLimits.toArray(Limit[]::new);
        this.limiter = builder.limiter;
        this.refreshInterval = builder.refreshInterval;
        this.clock = builder.clock;
        this.buckets = new ArrayList<>();
        for (Target target : builder.buckets) {
            buckets.add(new Watched(target.entity(), target.resource()));
        }
    }

    /** A builder of gauges for buckets of {@code limiter}. */
    public static Builder builder(RateLimiter limiter) {
        if (limiter == null) {
            throw new IllegalArgumentException("limiter must not be null");
        }
        return new Builder(limiter);
    }

    /** Registers the gauges of every bucket whose limits could be read; logs the others. */
    @Override
    public void bindTo(MeterRegistry registry) {
        for (Watched bucket : buckets) {
            Optional<Explanation.Bucket> state = bucket.read();
            if (state.isEmpty()) {
                LOG.warn("no gauges for bucket {}/{}: its limits could not be read", bucket.entity, bucket.resource);
                continue;
            }
            for (Explanation.LimitExplanation limit : state.get().limits()) {
                String name = limit.limit().name();
                Tags tags = Tags.of("namespace", limiter.namespace(), "entity", bucket.entity,
                        "resource", bucket.resource, "limit", name);
                gauge(registry, AVAILABLE, "Whole tokens available now; negative in debt", tags, bucket,
                        found -> found.available());
                gauge(registry, DEBT, "Tokens owed, repaid by refill", tags, bucket, found -> found.debt());
            }
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description, Tags tags, Watched bucket,
                              ToDoubleFunction<Explanation.LimitExplanation> value) {
        String limit = tags.stream().filter(tag -> tag.getKey().equals("limit")).findFirst().orElseThrow().getValue();
        Gauge.builder(name, bucket, watched -> watched.current(limit).map(value::applyAsDouble).orElse(Double.NaN))
                .tags(tags).description(description).baseUnit("tokens").register(registry);
    }

    /** One watched bucket and its last reading. */
    private final class Watched {

        private final String entity;
        private final String resource;
        private final AtomicReference<Reading> last = new AtomicReference<>();

        Watched(String entity, String resource) {
            this.entity = entity;
            this.resource = resource;
        }

        Optional<Explanation.LimitExplanation> current(String limit) {
            Reading reading = last.get();
            Instant now = clock.instant();
            if (reading == null || !now.isBefore(reading.at().plus(refreshInterval))) {
                read();
                reading = last.get();
            }
            if (reading == null || reading.bucket().isEmpty()) {
                return Optional.empty();
            }
            return reading.bucket().get().limits().stream().filter(l -> l.limit().name().equals(limit)).findFirst();
        }

        Optional<Explanation.Bucket> read() {
            Optional<Explanation.Bucket> bucket;
            try {
                AcquireRequest request = AcquireRequest.of(entity, resource).withLimits(requestLimits);
                List<Explanation.Bucket> all = limiter.explain(request).buckets();
                bucket = all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
            } catch (RuntimeException e) {
                LOG.debug("reading bucket {}/{} for gauges failed", entity, resource, e);
                bucket = Optional.empty();
            }
            last.set(new Reading(clock.instant(), bucket));
            return bucket;
        }
    }

    /** A bucket's state as read at {@code at}; empty when the read failed. */
    private record Reading(Instant at, Optional<Explanation.Bucket> bucket) {
    }

    /** A bucket to watch. */
    private record Target(String entity, String resource) {
    }

    /** Builds {@link BucketGauges}. Not thread-safe. */
    public static final class Builder {

        private final RateLimiter limiter;
        private final List<Target> buckets = new ArrayList<>();
        private Duration refreshInterval = Duration.ofSeconds(5);
        private InstantSource clock = InstantSource.system();
        private List<Limit> requestLimits = List.of();

        private Builder(RateLimiter limiter) {
            this.limiter = limiter;
        }

        /**
         * Watches the bucket of {@code entity} for {@code resource}.
         *
         * @throws IllegalArgumentException if either is not a valid id
         */
        public Builder bucket(String entity, String resource) {
            AcquireRequest.of(entity, resource); // validates both ids with the core's wording
            buckets.add(new Target(entity, resource));
            return this;
        }

        /**
         * Request-level limits the watched buckets are acquired with, so that their gauges show them too (stored
         * limits of the same name win, as in an acquire). Default none: only stored limits get gauges.
         */
        public Builder requestLimits(List<Limit> limits) {
            if (limits == null) {
                throw new IllegalArgumentException("requestLimits must not be null");
            }
            this.requestLimits = List.copyOf(limits); // rejects null elements
            return this;
        }

        /** How long one reading serves scrapes. Default 5 s; zero reads on every gauge sample. */
        public Builder refreshInterval(Duration interval) {
            if (interval == null || interval.isNegative()) {
                throw new IllegalArgumentException("refreshInterval must be zero or positive, got " + interval);
            }
            this.refreshInterval = interval;
            return this;
        }

        /** The clock that ages readings. Default {@link InstantSource#system()}. */
        public Builder clock(InstantSource newClock) {
            if (newClock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = newClock;
            return this;
        }

        /** Builds the gauges; nothing is read until {@link BucketGauges#bindTo}. */
        public BucketGauges build() {
            return new BucketGauges(this);
        }
    }
}
