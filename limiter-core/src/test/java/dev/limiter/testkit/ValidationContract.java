package dev.limiter.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.bucket.BucketState;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input gets an error naming the field and the rule, and writes nothing. */
public abstract class ValidationContract extends BackendContract {

    private static final Limit RPM = Limit.perMinute("rpm", 10);

    @Test
    void request_entityWithKeyDelimiter_isRejectedNamingTheField() {
        assertThatThrownBy(() -> AcquireRequest.of("u1#SK", "api")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entity 'u1#SK' is invalid").hasMessageContaining("[A-Za-z0-9]");
    }

    @Test
    void request_tenKilobyteEntity_isRejectedWithShortenedEcho() {
        String huge = "u".repeat(10_240);

        assertThatThrownBy(() -> AcquireRequest.of(huge, "api")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(10240 characters)").hasMessageContaining("1 to 256 characters")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void request_resourceWithNewline_isRejected() {
        assertThatThrownBy(() -> AcquireRequest.of("u1", "api\nx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resource 'api?x' is invalid");
    }

    @Test
    void request_zeroNegativeOrHugeAmounts_areRejectedNamingTheLimit() {
        AcquireRequest base = AcquireRequest.of("u1", "api");

        assertThatThrownBy(() -> base.consume("rpm", 0)).hasMessageContaining("amount of 'rpm' is 0");
        assertThatThrownBy(() -> base.consume("rpm", -5)).hasMessageContaining("amount of 'rpm' is -5");
        assertThatThrownBy(() -> base.consume("rpm", Long.MAX_VALUE))
                .hasMessageContaining("between 1 and " + Limit.MAX_TOKENS);
    }

    @Test
    void request_limitNameWithDelimiter_isRejected() {
        assertThatThrownBy(() -> AcquireRequest.of("u1", "api").consume("rpm#x", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit name 'rpm#x' is invalid");
    }

    @Test
    void request_consumingNothing_isRejectedAndWritesNothing() {
        RateLimiter limiter = limiter();

        assertThatThrownBy(() -> limiter.acquire(AcquireRequest.of("u1", "api").withLimits(RPM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consumes nothing");
        assertThat(stored("u1", "api")).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void limit_invalidParameters_areRejectedNamingTheLimit() {
        assertThatThrownBy(() -> Limit.perMinute("rpm", 0)).hasMessageContaining("limit 'rpm' capacity is 0");
        assertThatThrownBy(() -> Limit.of("rpm", 10, 10, Duration.ofNanos(10)))
                .hasMessageContaining("limit 'rpm' refill period");
        assertThatThrownBy(() -> Limit.of("rpm", Limit.MAX_TOKENS, 1, Duration.ofDays(1)))
                .hasMessageContaining("to refill from empty");
        assertThatThrownBy(() -> Limit.perMinute("9rpm", 1)).hasMessageContaining("limit name '9rpm' is invalid");
    }

    @Test
    void config_sameLimitTwiceOrAlsoUnlimited_isRejected() {
        assertThatThrownBy(() -> LimitConfig.of(RPM, Limit.perHour("rpm", 5))).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> LimitConfig.of(RPM).withUnlimited("rpm"))
                .hasMessageContaining("both defined and marked unlimited");
    }

    @Test
    void config_scopeWithBadIdentifier_isRejectedAndStoresNothing() {
        RateLimiter limiter = limiter();

        assertThatThrownBy(() -> limiter.configs().set(ConfigScope.entityDefault("a b"), LimitConfig.of(RPM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity 'a b' is invalid");
        assertThat(limiter.configs().list()).isEmpty();
    }

    @Test
    void entity_ownParentOrBadParent_isRejectedAndStoresNothing() {
        RateLimiter limiter = limiter();

        assertThatThrownBy(() -> Entity.child("a", "a")).hasMessageContaining("cannot be its own parent");
        assertThatThrownBy(() -> Entity.child("a", "b/c")).hasMessageContaining("parent of entity 'a'");
        assertThat(limiter.entities().list()).isEmpty();
    }

    @Test
    void builder_badSettings_failAtTheSetter() {
        assertThatThrownBy(() -> RateLimiter.builder().namespace("a#b")).hasMessageContaining("namespace 'a#b'");
        assertThatThrownBy(() -> RateLimiter.builder().maxDepth(0)).hasMessageContaining("maxDepth is 0");
        assertThatThrownBy(() -> RateLimiter.builder().configCacheTtl(Duration.ofSeconds(-1)))
                .hasMessageContaining("configCacheTtl must not be negative");
    }

    @Test
    void lease_hugeAdjustment_isRejectedAndLeavesBucketAsCharged() {
        RateLimiter limiter = limiter();
        var lease = limiter.acquire(AcquireRequest.of("u1", "api").consume("rpm", 2).withLimits(RPM));

        assertThatThrownBy(() -> lease.adjust("rpm", Long.MIN_VALUE)).hasMessageContaining("adjustment of 'rpm'");
        lease.commit();

        assertThat(available("u1", "api", RPM)).isEqualTo(8);
    }
}
