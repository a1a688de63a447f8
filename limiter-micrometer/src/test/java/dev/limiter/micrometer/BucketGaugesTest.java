package dev.limiter.micrometer;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketGaugesTest {

    private final ManualClock clock = ManualClock.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).namespace("prod")
            .clock(clock).build();

    BucketGaugesTest() {
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("tpm", 600)));
    }

    private double gauge(String name) {
        return registry.get(name).tags("namespace", "prod", "entity", "acme", "resource", "gpt-4", "limit", "tpm")
                .gauge().value();
    }

    @Test
    void bindTo_namedBucket_reportsAvailableTokensAfterAcquire() {
        BucketGauges.builder(limiter).bucket("acme", "gpt-4").refreshInterval(Duration.ZERO).clock(clock).build()
                .bindTo(registry);

        limiter.acquire(AcquireRequest.of("acme", "gpt-4").consume("tpm", 300)).commit();

        assertThat(gauge(BucketGauges.AVAILABLE)).isEqualTo(300.0);
        assertThat(gauge(BucketGauges.DEBT)).isZero();
    }

    @Test
    void debtGauge_adjustPastCapacity_reportsTokensOwed() {
        BucketGauges.builder(limiter).bucket("acme", "gpt-4").refreshInterval(Duration.ZERO).clock(clock).build()
                .bindTo(registry);
        var lease = limiter.acquire(AcquireRequest.of("acme", "gpt-4").consume("tpm", 600));
        lease.adjust("tpm", 250);

        lease.commit();

        assertThat(gauge(BucketGauges.DEBT)).isEqualTo(250.0);
        assertThat(gauge(BucketGauges.AVAILABLE)).isEqualTo(-250.0);
    }

    @Test
    void gauge_withinRefreshInterval_servesTheLastReading() {
        BucketGauges.builder(limiter).bucket("acme", "gpt-4").refreshInterval(Duration.ofSeconds(5)).clock(clock)
                .build().bindTo(registry);
        limiter.acquire(AcquireRequest.of("acme", "gpt-4").consume("tpm", 300)).commit();
        double cached = gauge(BucketGauges.AVAILABLE);

        clock.advance(Duration.ofSeconds(5));

        assertThat(cached).isEqualTo(600.0);
        assertThat(gauge(BucketGauges.AVAILABLE)).isEqualTo(350.0);
    }

    @Test
    void bindTo_requestLimits_getGaugesToo() {
        BucketGauges.builder(limiter).bucket("acme", "gpt-4").requestLimits(List.of(Limit.perMinute("rpm", 60)))
                .refreshInterval(Duration.ZERO).clock(clock).build().bindTo(registry);

        limiter.acquire(AcquireRequest.of("acme", "gpt-4").consume("rpm", 1).withLimits(Limit.perMinute("rpm", 60)))
                .commit();

        assertThat(registry.get(BucketGauges.AVAILABLE).tags("limit", "rpm").gauge().value()).isEqualTo(59.0);
    }

    @Test
    void bindTo_backendDown_registersNoGauges() {
        RateLimiter down = RateLimiter.builder().backend(new DownBackend()).namespace("prod").clock(clock).build();
        down.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("tpm", 600)));

        BucketGauges.builder(down).bucket("acme", "gpt-4").clock(clock).build().bindTo(registry);

        assertThat(registry.find(BucketGauges.AVAILABLE).gauge()).isNull();
    }

    @Test
    void bucket_invalidEntity_isRejectedNamingTheField() {
        assertThatThrownBy(() -> BucketGauges.builder(limiter).bucket("bad id", "gpt-4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity");
    }

    @Test
    void refreshInterval_negative_isRejected() {
        assertThatThrownBy(() -> BucketGauges.builder(limiter).refreshInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refreshInterval");
    }
}
