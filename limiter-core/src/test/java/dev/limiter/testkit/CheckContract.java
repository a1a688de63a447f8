package dev.limiter.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.Decision;
import dev.limiter.Estimate;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.RateLimiter;
import dev.limiter.bucket.BucketState;
import dev.limiter.config.ConfigScope;
import dev.limiter.entity.Entity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code check}: the decision an acquire would get now and its exact retry-after, writing nothing. */
public abstract class CheckContract extends BackendContract {

    private static final Limit RPM = Limit.perMinute("rpm", 10);

    @Test
    void check_freshBucket_isAllowedAndWritesNothing() {
        RateLimiter limiter = limiter();

        Estimate estimate = limiter.check(request("u1", "api", "rpm", 3).withLimits(RPM));

        assertThat(estimate.allowed()).isTrue();
        assertThat(estimate.retryAfter()).isZero();
        assertThat(estimate.statuses()).singleElement()
                .satisfies(status -> assertThat(status.available()).isEqualTo(10));
        assertThat(stored("u1", "api")).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void check_afterCharges_leavesTheBucketAsItWas() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 4).withLimits(RPM));
        BucketState before = stored("u1", "api");

        limiter.check(request("u1", "api", "rpm", 3).withLimits(RPM));

        assertThat(stored("u1", "api")).isEqualTo(before);
    }

    @Test
    void check_notEnoughTokens_givesTheRetryAfterARejectionWouldGive() {
        RateLimiter limiter = limiter();
        limiter.acquire(request("u1", "api", "rpm", 4).withLimits(RPM));
        AcquireRequest seven = request("u1", "api", "rpm", 7).withLimits(RPM);

        Estimate estimate = limiter.check(seven);
        Decision decision = limiter.tryAcquire(seven);

        assertThat(estimate.allowed()).isFalse();
        assertThat(estimate.retryAfter()).isEqualTo(Duration.ofSeconds(6))
                .isEqualTo(((Decision.Rejected) decision).retryAfter());
        assertThat(estimate.violations()).singleElement().satisfies(v -> assertThat(v.available()).isEqualTo(6));
    }

    @Test
    void check_ancestorExhausted_isNotAllowed() {
        RateLimiter limiter = limiter();
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("user", "org").withCascade(true));
        configure(limiter, ConfigScope.entityDefault("org"), Limit.perMinute("rpm", 2));
        configure(limiter, ConfigScope.entityDefault("user"), RPM);
        limiter.acquire(request("user", "api", "rpm", 2));

        Estimate estimate = limiter.check(request("user", "api", "rpm", 1));

        assertThat(estimate.allowed()).isFalse();
        assertThat(estimate.violations()).extracting(LimitStatus::entity).containsExactly("org");
        assertThat(estimate.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void check_onlyAShadowLimitShort_isAllowedAndShowsTheShadowRejection() {
        RateLimiter limiter = limiter();
        Limit shadow = Limit.perMinute("burst", 1).asShadow();
        limiter.acquire(request("u1", "api", "burst", 1).withLimits(shadow));

        Estimate estimate = limiter.check(request("u1", "api", "burst", 1).consume("rpm", 1).withLimits(RPM, shadow));

        assertThat(estimate.allowed()).isTrue();
        assertThat(estimate.violations()).isEmpty();
        assertThat(estimate.statuses()).filteredOn(LimitStatus::shadowRejected).extracting(LimitStatus::limitName)
                .containsExactly("burst");
    }

    @Test
    void check_amountAboveCapacity_throwsLikeAcquire() {
        RateLimiter limiter = limiter();

        assertThatThrownBy(() -> limiter.check(request("u1", "api", "rpm", 11).withLimits(RPM)))
                .isInstanceOf(AmountExceedsCapacityException.class);
    }
}
