package dev.limiter;

import dev.limiter.config.ConfigScope;
import dev.limiter.config.Explanation;
import dev.limiter.config.LimitConfig;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Shadow mode at the API: the limit flag, the limiter-wide flag, the listener event and explain. */
class ShadowModeTest {

    private static final Limit RPM = Limit.perMinute("rpm", 2);
    private static final AcquireRequest ONE = AcquireRequest.of("u1", "api").consume("rpm", 1).withLimits(RPM);

    private final ManualClock clock = ManualClock.create();
    private final List<List<LimitStatus>> shadowEvents = new ArrayList<>();
    private final List<Decision.Rejected> rejections = new ArrayList<>();

    @Test
    void asShadow_copiesParametersAndSetsOnlyTheFlag() {
        Limit shadow = RPM.withBurst(5).asShadow();

        assertThat(shadow.shadow()).isTrue();
        assertThat(shadow.sameParameters(RPM.withBurst(5))).isTrue();
        assertThat(shadow).isNotEqualTo(RPM.withBurst(5));
        assertThat(shadow.withBurst(7).shadow()).as("copies keep the flag").isTrue();
        assertThat(shadow.describe()).isEqualTo("2/PT1M burst 5 shadow");
        assertThat(shadow.withShadow(false)).isEqualTo(RPM.withBurst(5));
    }

    @Test
    void acquire_shadowLimiter_neverRejectsAndReportsEachWouldBeRejection() {
        RateLimiter limiter = builder().shadow(true).build();

        List<Boolean> granted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            granted.add(limiter.tryAcquire(ONE).isGranted());
        }

        assertThat(granted).containsOnly(true);
        assertThat(rejections).isEmpty();
        assertThat(shadowEvents).hasSize(2).allSatisfy(event -> assertThat(event).singleElement()
                .satisfies(status -> assertThat(status.limitName()).isEqualTo("rpm")));
    }

    @Test
    void acquire_shadowLimiterWithStoredLimit_treatsItAsShadow() {
        RateLimiter limiter = builder().shadow(true).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("tpm", 1)));
        limiter.acquire(AcquireRequest.of("u1", "api").consume("tpm", 1));

        Lease second = limiter.acquire(AcquireRequest.of("u1", "api").consume("tpm", 1));

        assertThat(second.shadowRejections()).extracting(LimitStatus::limitName).containsExactly("tpm");
    }

    @Test
    void acquire_enforcedRejectionWithShadowLimit_reportsOnlyTheRejection() {
        RateLimiter limiter = builder().build();
        AcquireRequest both = ONE.consume("shadowed", 1).withLimits(Limit.perMinute("shadowed", 1).asShadow());
        limiter.acquire(both);
        limiter.acquire(ONE);

        Decision third = limiter.tryAcquire(both);

        assertThat(third.isGranted()).isFalse();
        assertThat(rejections).singleElement().satisfies(rejected -> assertThat(rejected.statuses())
                .filteredOn(LimitStatus::shadowRejected).extracting(LimitStatus::limitName)
                .containsExactly("shadowed"));
        assertThat(shadowEvents).isEmpty();
        List<Object> shadowFlags = new ArrayList<>();
        ((List<?>) ((Decision.Rejected) third).toException().toMap().get("statuses"))
                .forEach(status -> shadowFlags.add(((Map<?, ?>) status).get("shadow")));
        assertThat(shadowFlags).containsExactly(false, true);
    }

    @Test
    void explain_shadowLimitOrShadowLimiter_marksTheLimitsShadow() {
        RateLimiterBuilder builder = builder();
        AcquireRequest mixed = ONE.withLimits(Limit.perDay("rpd", 100).asShadow());

        Explanation own = builder.build().explain(mixed);
        Explanation dryRun = builder.shadow(true).build().explain(mixed);

        assertThat(own.buckets().get(0).limits()).extracting(l -> l.limit().name(), Explanation.LimitExplanation::shadow)
                .containsExactly(tuple("rpm", false),
                        tuple("rpd", true));
        assertThat(dryRun.buckets().get(0).limits()).allSatisfy(limit -> assertThat(limit.shadow()).isTrue());
    }

    private RateLimiterBuilder builder() {
        return RateLimiter.builder().backend(InMemoryBackend.create()).clock(clock).sleeper(clock.sleeper())
                .executor(Runnable::run).listener(new RateLimiterListener() {
                    @Override
                    public void onShadowRejected(Lease lease, List<LimitStatus> wouldHaveRejected) {
                        shadowEvents.add(wouldHaveRejected);
                    }

                    @Override
                    public void onRejected(Decision.Rejected rejection, Duration latency) {
                        rejections.add(rejection);
                    }
                });
    }
}
