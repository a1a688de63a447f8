package dev.limiter.spring;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterListener;
import dev.limiter.backend.Backend;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.micrometer.BucketGauges;
import dev.limiter.micrometer.LimiterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LimiterAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(LimiterAutoConfiguration.class, LimiterMetricsAutoConfiguration.class));

    @Test
    void context_noProperties_buildsAnInMemoryLimiterInTheDefaultNamespace() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(RateLimiter.class);
            assertThat(context.getBean(Backend.class)).isInstanceOf(InMemoryBackend.class);
            assertThat(context.getBean(RateLimiter.class).namespace()).isEqualTo("default");
        });
    }

    @Test
    void context_namespaceAndPolicyProperties_configureTheLimiter() {
        runner.withPropertyValues("limiter.namespace=tenant-a", "limiter.on-unavailable=allow").run(context -> {
            RateLimiter limiter = context.getBean(RateLimiter.class);
            assertThat(limiter.namespace()).isEqualTo("tenant-a");
            assertThat(limiter.onUnavailable()).isEqualTo(OnUnavailable.ALLOW);
        });
    }

    @Test
    void context_shadowProperty_grantsWhatWouldBeRejected() {
        runner.withPropertyValues("limiter.shadow=true").run(context -> {
            RateLimiter limiter = context.getBean(RateLimiter.class);
            AcquireRequest request = AcquireRequest.of("u1", "r").consume("rpm", 1)
                    .withLimits(Limit.perMinute("rpm", 1));
            limiter.acquire(request).commit();

            assertThat(limiter.tryAcquire(request).isGranted()).isTrue();
        });
    }

    @Test
    void context_invalidNamespace_failsNamingTheProperty() {
        runner.withPropertyValues("limiter.namespace=bad namespace").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("namespace")
                        .hasMessageContaining("must match"));
    }

    @Test
    void context_dynamodbWithoutTable_failsNamingTheProperty() {
        runner.withPropertyValues("limiter.backend=dynamodb").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("dynamodb.table")
                        .hasStackTraceContaining("is required when limiter.backend=dynamodb"));
    }

    @Test
    void context_invalidRequestLimit_failsNamingTheLimit() {
        runner.withPropertyValues("limiter.limits.rpm.rate=0").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("limits[rpm]")
                        .hasStackTraceContaining("capacity is 0"));
    }

    @Test
    void context_dynamodbModuleMissing_failsSayingWhatToAdd() {
        runner.withClassLoader(new FilteredClassLoader(DynamoDbBackend.class))
                .withPropertyValues("limiter.backend=dynamodb", "limiter.dynamodb.table=limiter").run(context ->
                        assertThat(context).getFailure().hasStackTraceContaining("needs dev.limiter:limiter-dynamodb"));
    }

    @Test
    void context_applicationLimiter_autoConfigurationBacksOff() {
        RateLimiter own = RateLimiter.builder().namespace("own").build();
        runner.withBean(RateLimiter.class, () -> own).run(context ->
                assertThat(context.getBean(RateLimiter.class)).isSameAs(own));
    }

    @Test
    void context_micrometerOnClasspath_registersTheMetricsListener() {
        runner.run(context -> assertThat(context).hasSingleBean(LimiterMetrics.class)
                .doesNotHaveBean(BucketGauges.class));
    }

    @Test
    void context_micrometerMissing_registersNoMetrics() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context ->
                assertThat(context).doesNotHaveBean(LimiterMetrics.class).hasSingleBean(RateLimiter.class));
    }

    @Test
    void context_metricsDisabled_registersNoMetrics() {
        runner.withPropertyValues("limiter.metrics.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(LimiterMetrics.class));
    }

    @Test
    void context_watchedBucket_registersBucketGauges() {
        runner.withPropertyValues("limiter.metrics.buckets[0].entity=acme",
                "limiter.metrics.buckets[0].resource=gpt-4o").run(context ->
                assertThat(context).hasSingleBean(BucketGauges.class));
    }

    @Test
    void acquire_twoListenerBeans_bothReceiveEvents() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        runner.withPropertyValues("limiter.metrics.enabled=false", "limiter.limits.rpm.rate=5")
                .withBean("first", RateLimiterListener.class, () -> counting(first))
                .withBean("second", RateLimiterListener.class, () -> counting(second))
                .run(context -> {
                    RateLimiter limiter = context.getBean(RateLimiter.class);
                    limiter.acquire(AcquireRequest.of("u1", "r").consume("rpm", 1)
                            .withLimits(context.getBean(LimiterProperties.class).requestLimits()
                                    .toArray(Limit[]::new))).commit();
                    assertThat(first).hasValue(1);
                    assertThat(second).hasValue(1);
                });
    }

    @Test
    void context_customizerBean_adjustsTheBuilder() {
        runner.withBean(RateLimiterBuilderCustomizer.class, () -> builder -> builder.namespace("customized"))
                .run(context -> assertThat(context.getBean(RateLimiter.class).namespace()).isEqualTo("customized"));
    }

    @Test
    void requestLimits_rateBurstAndPeriod_becomeCoreLimits() {
        runner.withPropertyValues("limiter.limits.tpm.rate=10000", "limiter.limits.tpm.burst=15000",
                "limiter.limits.tpm.per=1m").run(context -> {
                    var limit = context.getBean(LimiterProperties.class).requestLimits().get(0);
                    assertThat(limit.name()).isEqualTo("tpm");
                    assertThat(limit.capacity()).isEqualTo(15_000);
                    assertThat(limit.refillPeriod()).isEqualTo(Duration.ofMinutes(1));
                });
    }

    private static RateLimiterListener counting(AtomicInteger granted) {
        return new RateLimiterListener() {
            @Override
            public void onGranted(dev.limiter.Lease lease, Duration latency) {
                granted.incrementAndGet();
            }
        };
    }
}
