package dev.limiter.spring;

import dev.limiter.RateLimiter;
import dev.limiter.micrometer.BucketGauges;
import dev.limiter.micrometer.LimiterMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the limiter's metrics when Micrometer and {@code dev.limiter:limiter-micrometer} are on the classpath
 * and {@code limiter.metrics.enabled} is not {@code false}: a {@link LimiterMetrics} listener and, for the buckets
 * listed in {@code limiter.metrics.buckets}, {@link BucketGauges}. Spring Boot's Actuator binds both to its
 * registry.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "dev.limiter.micrometer.LimiterMetrics"})
@ConditionalOnProperty(prefix = "limiter.metrics", name = "enabled", matchIfMissing = true)
public class LimiterMetricsAutoConfiguration {

    /** Creates the configuration; Spring calls this. */
    public LimiterMetricsAutoConfiguration() {
        // Beans only.
    }

    /** The listener and binder of the limiter's events. */
    @Bean
    @ConditionalOnMissingBean
    public LimiterMetrics limiterMetrics(LimiterProperties properties) {
        return LimiterMetrics.builder(properties.getNamespace()).entityTag(properties.getMetrics().isEntityTag())
                .build();
    }

    /** Gauges of the buckets named in {@code limiter.metrics.buckets}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "limiter.metrics.buckets[0]", name = "entity")
    public BucketGauges limiterBucketGauges(RateLimiter limiter, LimiterProperties properties) {
        BucketGauges.Builder builder = BucketGauges.builder(limiter)
                .refreshInterval(properties.getMetrics().getBucketRefresh()).requestLimits(properties.requestLimits());
        properties.getMetrics().getBuckets()
                .forEach(bucket -> builder.bucket(bucket.getEntity(), bucket.getResource()));
        return builder.build();
    }
}
