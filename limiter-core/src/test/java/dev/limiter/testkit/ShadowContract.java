package dev.limiter.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shadow limits: charged with the others when they admit, never rejecting, not charged when they would reject, and
 * stored with their flag.
 */
public abstract class ShadowContract extends BackendContract {

    private static final Limit RPM = Limit.perMinute("rpm", 10);
    /** Two per minute: a second token refills after 30 s. */
    private static final Limit BURST = Limit.perMinute("burst", 2).asShadow();

    private static AcquireRequest call() {
        return request("u1", "api", "rpm", 1).consume("burst", 1).withLimits(RPM, BURST);
    }

    @Test
    void acquire_shadowLimitWithRoom_isChargedWithTheOthers() {
        RateLimiter limiter = limiter();

        Lease lease = limiter.acquire(call());

        assertThat(lease.charged()).containsOnly(Map.entry("rpm", 1L), Map.entry("burst", 1L));
        assertThat(lease.shadowRejections()).isEmpty();
        assertThat(available("u1", "api", BURST)).isEqualTo(1);
    }

    @Test
    void acquire_shadowLimitExhausted_grantsAndReportsWhatItWouldHaveDone() {
        RateLimiter limiter = limiter();
        limiter.acquire(call());
        limiter.acquire(call());

        Decision third = limiter.tryAcquire(call());

        assertThat(third).isInstanceOfSatisfying(Decision.Granted.class, granted -> {
            assertThat(granted.lease().shadowRejections()).singleElement().satisfies(status -> {
                assertThat(status.limitName()).isEqualTo("burst");
                assertThat(status.shadowRejected()).isTrue();
                assertThat(status.available()).isZero();
                assertThat(status.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            });
            assertThat(granted.lease().statuses()).extracting(LimitStatus::limitName)
                    .containsExactly("rpm", "burst");
        });
    }

    @Test
    void acquire_shadowLimitExhausted_chargesTheOthersButNotIt() {
        RateLimiter limiter = limiter();
        limiter.acquire(call());
        limiter.acquire(call());

        Lease third = limiter.acquire(call());

        assertThat(third.charged()).containsOnly(Map.entry("rpm", 1L));
        assertThat(available("u1", "api", RPM)).isEqualTo(7);
        assertThat(available("u1", "api", BURST)).as("no debt: the refused charge was skipped").isZero();
    }

    @Test
    void acquire_enforcedLimitExhausted_rejectsWithTheShadowLimitAmongStatusesOnly() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));
        limiter.acquire(request("u1", "api", "burst", 2).withLimits(BURST));

        Decision decision = limiter.tryAcquire(call());

        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.violations()).extracting(LimitStatus::limitName).containsExactly("rpm");
            assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(6));
            assertThat(rejected.statuses()).filteredOn(LimitStatus::shadowRejected)
                    .extracting(LimitStatus::limitName).containsExactly("burst");
        });
        assertThat(available("u1", "api", RPM)).isZero();
    }

    @Test
    void rollback_afterShadowLimitWasSkipped_refundsOnlyWhatWasCharged() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "burst", 2).withLimits(BURST));
        Lease lease = limiter.acquire(call());

        lease.rollback();

        assertThat(available("u1", "api", RPM)).isEqualTo(10);
        assertThat(available("u1", "api", BURST)).isZero();
    }

    @Test
    void acquire_storedShadowLimit_keepsItsFlagThroughTheStore() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.resource("api"), Limit.perMinute("rpm", 1).asShadow());
        limiter.acquire(request("u1", "api", "rpm", 1));

        Lease second = limiter.acquire(request("u1", "api", "rpm", 1));
        LimitConfig stored = limiter.configs().get(ConfigScope.resource("api")).orElseThrow();

        assertThat(second.shadowRejections()).extracting(LimitStatus::limitName).containsExactly("rpm");
        assertThat(stored.limits()).singleElement().satisfies(limit -> assertThat(limit.shadow()).isTrue());
    }

    @Test
    void acquire_everyLimitShadowAndExhausted_grantsWithoutCharging() {
        RateLimiter limiter = limiter();
        AcquireRequest burstOnly = request("u1", "api", "burst", 2).withLimits(BURST);
        limiter.acquire(burstOnly);

        Lease lease = limiter.acquire(burstOnly);

        assertThat(lease.charged()).isEmpty();
        assertThat(lease.shadowRejections()).singleElement()
                .satisfies(status -> assertThat(status.retryAfter()).isEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void acquire_amountAboveShadowCapacity_grantsOnTheOthersAndReportsItCouldNeverFit() {
        RateLimiter limiter = limiter();

        Lease lease = limiter.acquire(request("u1", "api", "rpm", 1).consume("burst", 5).withLimits(RPM, BURST));

        assertThat(lease.charged()).containsOnly(Map.entry("rpm", 1L));
        assertThat(lease.shadowRejections()).singleElement().satisfies(status -> {
            assertThat(status.requested()).isEqualTo(5);
            assertThat(status.retryAfter()).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        });
        assertThat(available("u1", "api", BURST)).isEqualTo(2);
    }

    @Test
    void randomSequences_shadowLimitMatchesAReferenceBucketEnforcedAlone() {
        SeededRandom.run(getClass().getSimpleName() + "#randomSequences_shadowLimitMatchesAReferenceBucketEnforcedAlone",
                random -> {
                    RateLimiter limiter = limiter();
                    Limit enforced = Limit.perSecond("rps", 5);
                    Limit shadow = Limit.of("trial", 1 + random.nextInt(4), 1, Duration.ofMillis(400)).asShadow();
                    ReferenceBucket rps = new ReferenceBucket(enforced, clock.nanos());
                    ReferenceBucket trial = new ReferenceBucket(shadow, clock.nanos());
                    for (int i = 0; i < 150; i++) {
                        if (random.nextInt(3) == 0) {
                            clock.advanceNanos(random.nextLong(300_000_000L));
                        } else {
                            step(limiter, enforced, shadow, rps, trial, random.nextLong(1, shadow.capacity() + 1), i);
                        }
                    }
                });
    }

    /** One acquire checked against the references: the enforced limit decides, the shadow one only reports. */
    private void step(RateLimiter limiter, Limit enforced, Limit shadow, ReferenceBucket rps, ReferenceBucket trial,
                      long amount, int i) {
        long now = clock.nanos();
        boolean enforcedAdmits = rps.has(1, now);
        boolean shadowAdmits = trial.has(amount, now);
        long shadowWait = trial.retryAfterNanos(amount, now);
        Decision decision = limiter.tryAcquire(request("p", "api", "rps", 1).consume("trial", amount)
                .withLimits(enforced, shadow));
        assertThat(decision.isGranted()).as("granted at step %d", i).isEqualTo(enforcedAdmits);
        if (decision instanceof Decision.Granted granted) {
            rps.take(1, now);
            assertThat(granted.lease().shadowRejections()).as("shadow rejections at step %d", i)
                    .extracting(LimitStatus::retryAfter)
                    .containsExactlyElementsOf(shadowAdmits ? List.of() : List.of(
                            Duration.ofNanos(shadowWait)));
            if (shadowAdmits) {
                trial.take(amount, now);
            }
        }
        assertThat(available("p", "api", shadow)).as("shadow available after step %d", i)
                .isEqualTo(trial.available(now));
    }
}
