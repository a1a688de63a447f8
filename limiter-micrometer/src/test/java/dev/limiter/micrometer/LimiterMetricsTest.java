package dev.limiter.micrometer;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.LocalTier;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ManualClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimiterMetricsTest {

    private final ManualClock clock = ManualClock.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AcquireRequest request = AcquireRequest.of("user-1", "gpt-4")
            .consume("rpm", 1).consume("tpm", 500)
            .withLimits(Limit.perMinute("rpm", 2), Limit.perMinute("tpm", 10_000));

    private RateLimiter limiter(LimiterMetrics metrics) {
        metrics.bindTo(registry);
        return RateLimiter.builder().backend(InMemoryBackend.create()).namespace("prod").clock(clock)
                .listener(metrics).build();
    }

    /** A limiter reporting to {@code registry} whose backend always fails, under {@code policy}. */
    private RateLimiter downLimiter(OnUnavailable policy) {
        LimiterMetrics metrics = LimiterMetrics.builder("prod").build();
        metrics.bindTo(registry);
        return RateLimiter.builder().backend(new DownBackend()).namespace("prod").clock(clock)
                .onUnavailable(policy).listener(metrics).build();
    }

    private double decisions(String outcome, String limit) {
        return registry.get(LimiterMetrics.DECISIONS)
                .tags("namespace", "prod", "resource", "gpt-4", "outcome", outcome, "limit", limit).counter().count();
    }

    @Test
    void acquire_granted_countsEachChargedLimitAndTimesTheAttempt() {
        RateLimiter limiter = limiter(LimiterMetrics.builder("prod").build());

        limiter.acquire(request).commit();

        assertThat(decisions("granted", "rpm")).isEqualTo(1.0);
        assertThat(decisions("granted", "tpm")).isEqualTo(1.0);
        assertThat(registry.get(LimiterMetrics.ACQUIRE).tags("outcome", "granted").timer().count()).isEqualTo(1);
    }

    @Test
    void acquire_rejected_countsOnlyTheViolatedLimit() {
        RateLimiter limiter = limiter(LimiterMetrics.builder("prod").build());
        limiter.acquire(request).commit();
        limiter.acquire(request).commit();

        Decision third = limiter.tryAcquire(request);

        assertThat(third.isGranted()).isFalse();
        assertThat(decisions("rejected", "rpm")).isEqualTo(1.0);
        assertThat(registry.find(LimiterMetrics.DECISIONS).tags("outcome", "rejected", "limit", "tpm").counter())
                .isNull();
        assertThat(registry.get(LimiterMetrics.ACQUIRE).tags("outcome", "rejected").timer().count()).isEqualTo(1);
    }

    @Test
    void acquire_entityTagOff_metersCarryNoEntity() {
        RateLimiter limiter = limiter(LimiterMetrics.builder("prod").build());

        limiter.acquire(request).commit();

        assertThat(registry.getMeters()).allSatisfy(meter ->
                assertThat(meter.getId().getTag("entity")).as(meter.getId().toString()).isNull());
    }

    @Test
    void acquire_entityTagOn_tagsDecisionsAndTimersWithTheEntity() {
        RateLimiter limiter = limiter(LimiterMetrics.builder("prod").entityTag(true).build());

        limiter.acquire(request).commit();

        assertThat(registry.get(LimiterMetrics.DECISIONS).tags("entity", "user-1", "limit", "rpm").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(LimiterMetrics.ACQUIRE).tags("entity", "user-1").timer().count()).isEqualTo(1);
    }

    @Test
    void acquire_backendDownUnderBlock_countsUnavailableWithPolicy() {
        RateLimiter limiter = downLimiter(OnUnavailable.BLOCK);

        assertThatThrownBy(() -> limiter.acquire(request)).isInstanceOf(RateLimiterUnavailableException.class);

        assertThat(decisions("unavailable", LimiterMetrics.NONE)).isEqualTo(1.0);
        assertThat(registry.get(LimiterMetrics.UNAVAILABLE).tags("policy", "block").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(LimiterMetrics.BACKEND_CALLS).tags("operation", "charge", "result", "failure")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void acquire_backendDownUnderAllow_countsUnavailableNotGranted() {
        RateLimiter limiter = downLimiter(OnUnavailable.ALLOW);

        limiter.acquire(request).commit();

        assertThat(registry.get(LimiterMetrics.UNAVAILABLE).tags("policy", "allow").counter().count()).isEqualTo(1.0);
        assertThat(registry.find(LimiterMetrics.DECISIONS).tags("outcome", "granted").counter()).isNull();
    }

    @Test
    void acquire_storedLimits_reportsCacheLookupsAndHitRatio() {
        LimiterMetrics metrics = LimiterMetrics.builder("prod").build();
        RateLimiter limiter = limiter(metrics);
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 100)));
        AcquireRequest stored = AcquireRequest.of("user-1", "gpt-4").consume("rpm", 1);

        limiter.acquire(stored).commit();
        limiter.acquire(stored).commit();

        double hits = registry.get(LimiterMetrics.CACHE_LOOKUPS).tags("result", "hit").counter().count();
        double misses = registry.get(LimiterMetrics.CACHE_LOOKUPS).tags("result", "miss").counter().count();
        assertThat(hits).isPositive();
        assertThat(misses).isPositive();
        assertThat(registry.get(LimiterMetrics.CACHE_HIT_RATIO).gauge().value()).isEqualTo(hits / (hits + misses));
    }

    @Test
    void acquire_shadowLimitWouldReject_countsShadowRejectionAndGrants() {
        RateLimiter limiter = limiter(LimiterMetrics.builder("prod").build());
        AcquireRequest trial = AcquireRequest.of("user-1", "gpt-4").consume("rpm", 1).consume("trial", 1)
                .withLimits(Limit.perMinute("rpm", 2), Limit.perMinute("trial", 1).asShadow());
        limiter.acquire(trial).commit();

        limiter.acquire(trial).commit();

        assertThat(decisions("shadow_rejected", "trial")).isEqualTo(1.0);
        assertThat(decisions("granted", "rpm")).isEqualTo(2.0);
        assertThat(registry.find(LimiterMetrics.DECISIONS).tags("outcome", "rejected").counter()).isNull();
    }

    @Test
    void acquire_enforcedLimitRejectsWithShadowAlsoOver_countsBoth() {
        RateLimiter limiter = limiter(LimiterMetrics.builder("prod").build());
        AcquireRequest trial = AcquireRequest.of("user-1", "gpt-4").consume("rpm", 1).consume("trial", 1)
                .withLimits(Limit.perMinute("rpm", 1), Limit.perMinute("trial", 1).asShadow());
        limiter.acquire(trial).commit();

        assertThat(limiter.tryAcquire(trial).isGranted()).isFalse();

        assertThat(decisions("rejected", "rpm")).isEqualTo(1.0);
        assertThat(decisions("shadow_rejected", "trial")).isEqualTo(1.0);
    }

    @Test
    void acquire_servedByTheLocalTier_countsServedLocallyInsteadOfGranted() {
        LimiterMetrics metrics = LimiterMetrics.builder("prod").build();
        metrics.bindTo(registry);
        RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).namespace("prod").clock(clock)
                .localTier(LocalTier.defaults().withSweepInterval(Duration.ZERO)).listener(metrics).build();
        Limit rpm = Limit.perMinute("rpm", 100).withLocalAllowance(LocalAllowance.of(0.5, Duration.ofSeconds(1)));
        AcquireRequest local = AcquireRequest.of("user-1", "gpt-4").consume("rpm", 1).withLimits(rpm);

        limiter.acquire(local).commit();
        limiter.acquire(request).commit(); // its limits have no allowance: charged exactly

        assertThat(decisions("served_locally", "rpm")).isEqualTo(1.0);
        assertThat(decisions("granted", "rpm")).isEqualTo(1.0);
        assertThat(decisions("granted", "tpm")).isEqualTo(1.0);
        limiter.close();
    }

    @Test
    void recordDecision_servedLocally_isAnOutcomeOfTheSameCounter() {
        LimiterMetrics metrics = LimiterMetrics.builder("prod").build();
        metrics.bindTo(registry);

        metrics.recordDecision("user-1", "gpt-4", "rpm", Outcome.SERVED_LOCALLY);

        assertThat(decisions("served_locally", "rpm")).isEqualTo(1.0);
    }

    @Test
    void bindTo_extraTagsAndTwoRegistries_recordsIntoBoth() {
        LimiterMetrics metrics = LimiterMetrics.builder("prod").tags(Tags.of("app", "gateway")).build();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        metrics.bindTo(second);
        RateLimiter limiter = limiter(metrics);

        limiter.acquire(request).commit();

        for (SimpleMeterRegistry each : new SimpleMeterRegistry[] {registry, second}) {
            assertThat(each.get(LimiterMetrics.DECISIONS).tags("app", "gateway", "limit", "rpm").counter().count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void listener_beforeBinding_recordsNothingAndDoesNotFail() {
        LimiterMetrics metrics = LimiterMetrics.builder("prod").build();
        RateLimiter limiter = RateLimiter.builder().namespace("prod").clock(clock).listener(metrics).build();

        limiter.acquire(request).commit();
        metrics.bindTo(registry);

        assertThat(registry.get(LimiterMetrics.DECISIONS).tags("limit", "rpm").counter().count()).isZero();
    }

    @Test
    void builder_blankNamespace_isRejectedNamingTheField() {
        assertThatThrownBy(() -> LimiterMetrics.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace");
    }

    @Test
    void outcome_tagValues_areLowerCaseNames() {
        assertThat(Outcome.values()).extracting(Outcome::tagValue)
                .containsExactly("granted", "rejected", "shadow_rejected", "unavailable", "served_locally");
    }
}
