package dev.limiter.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigLevel;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.Explanation;
import dev.limiter.config.LimitConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** Per-name resolution across levels, unlimited, explain, config changes reaching buckets, and the cache. */
public abstract class ConfigContract extends BackendContract {

    @Test
    void resolve_eachNameTakenFromItsMostSpecificLevel() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.namespace(), Limit.perMinute("rpm", 10), Limit.perMinute("tpm", 100),
                Limit.perDay("rpd", 1_000));
        configure(limiter, ConfigScope.resource("gpt-4"), Limit.perMinute("rpm", 20));
        configure(limiter, ConfigScope.entityDefault("u1"), Limit.perMinute("tpm", 300));
        configure(limiter, ConfigScope.entityResource("u1", "gpt-4"), Limit.perMinute("rpm", 40));

        Explanation explanation = limiter.explain("u1", "gpt-4");

        assertThat(explanation.buckets()).singleElement().satisfies(bucket -> assertThat(bucket.limits())
                .extracting(l -> l.limit().name(), l -> l.limit().capacity(), Explanation.LimitExplanation::source)
                .containsExactlyInAnyOrder(
                        tuple("rpm", 40L, ConfigLevel.ENTITY_RESOURCE),
                        tuple("tpm", 300L, ConfigLevel.ENTITY_DEFAULT),
                        tuple("rpd", 1_000L, ConfigLevel.NAMESPACE)));
    }

    @Test
    void acquire_resolvedLimits_areTheOnesEnforced() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.namespace(), Limit.perMinute("rpm", 10));
        configure(limiter, ConfigScope.resource("gpt-4"), Limit.perMinute("rpm", 20));

        Decision twentyOnGpt4 = limiter.tryAcquire(request("u1", "gpt-4", "rpm", 20));
        Decision tenElsewhere = limiter.tryAcquire(request("u1", "other", "rpm", 10));
        Decision eleventhElsewhere = limiter.tryAcquire(request("u1", "other", "rpm", 1));

        assertThat(twentyOnGpt4.isGranted()).isTrue();
        assertThat(tenElsewhere.isGranted()).isTrue();
        assertThat(eleventhElsewhere.isGranted()).isFalse();
    }

    @Test
    void resolve_unlimitedAtEntityLevel_dropsInheritedLimit() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.namespace(), Limit.perMinute("rpm", 10), Limit.perMinute("tpm", 100));
        limiter.configs().set(ConfigScope.entityDefault("vip"), LimitConfig.EMPTY.withUnlimited("rpm"));

        Lease lease = limiter.acquire(AcquireRequest.of("vip", "api").consume("rpm", 5_000).consume("tpm", 10));
        Explanation explanation = limiter.explain("vip", "api");

        assertThat(lease.charged()).containsOnlyKeys("tpm");
        assertThat(explanation.buckets().get(0).unlimited()).containsEntry("rpm", ConfigLevel.ENTITY_DEFAULT);
        assertThat(explanation.buckets().get(0).limits()).extracting(l -> l.limit().name()).containsExactly("tpm");
    }

    @Test
    void explainRequest_limitsOnlyInTheRequest_areListedAtRequestLevelWithLiveState() {
        RateLimiter limiter = limiter();
        AcquireRequest request = request("u1", "api", "rpm", 4).withLimits(Limit.perMinute("rpm", 10));
        limiter.acquire(request);

        Explanation explanation = limiter.explain(request);

        assertThat(explanation.buckets()).singleElement().satisfies(bucket -> {
            assertThat(bucket.limits()).extracting(l -> l.limit().name(), Explanation.LimitExplanation::source,
                    Explanation.LimitExplanation::available).containsExactly(tuple("rpm", ConfigLevel.REQUEST, 6L));
            assertThat(bucket.overriddenRequestLimits()).isEmpty();
        });
    }

    @Test
    void explainRequest_storedLimitOfSameName_winsAndTheRequestLimitIsListedAsOverridden() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.resource("api"), Limit.perMinute("rpm", 3));
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.EMPTY.withUnlimited("tpm"));

        Explanation explanation = limiter.explain(request("u1", "api", "rpm", 1)
                .withLimits(Limit.perMinute("rpm", 50), Limit.perMinute("tpm", 9), Limit.perDay("rpd", 7)));

        Explanation.Bucket bucket = explanation.buckets().get(0);
        assertThat(bucket.limits()).extracting(l -> l.limit().name(), l -> l.limit().capacity(),
                Explanation.LimitExplanation::source).containsExactly(tuple("rpm", 3L, ConfigLevel.RESOURCE),
                tuple("rpd", 7L, ConfigLevel.REQUEST));
        assertThat(bucket.overriddenRequestLimits()).containsOnly(entry("rpm", ConfigLevel.RESOURCE),
                entry("tpm", ConfigLevel.NAMESPACE));
    }

    @Test
    void resolve_storedLevel_overridesRequestLimitOfSameName() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.resource("api"), Limit.perMinute("rpm", 3));

        assertThatThrownBy(() -> limiter.tryAcquire(request("u1", "api", "rpm", 5).withLimits(Limit.perMinute("rpm", 50))))
                .isInstanceOfSatisfying(AmountExceedsCapacityException.class, e -> assertThat(e.capacity()).isEqualTo(3));
    }

    @Test
    void explain_liveState_showsAvailableDebtAndTimeToFull() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.namespace(), Limit.perMinute("tpm", 1_000));
        Lease lease = limiter.acquire(request("u1", "llm", "tpm", 600));
        lease.adjust("tpm", 600);
        lease.commit();

        Explanation.LimitExplanation tpm = limiter.explain("u1", "llm").buckets().get(0).limits().get(0);

        assertThat(tpm.available()).isEqualTo(-200);
        assertThat(tpm.debt()).isEqualTo(200);
        assertThat(tpm.timeToFull()).isEqualTo(Duration.ofSeconds(72));
        assertThat(tpm.consumed()).isEqualTo(1_200);
    }

    @Test
    void configChange_reachesExistingBucketKeepingTokensInUse() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.namespace(), Limit.perMinute("rpm", 10));
        limiter.acquire(request("u1", "api", "rpm", 10)).commit();

        configure(limiter, ConfigScope.namespace(), Limit.perMinute("rpm", 20));

        assertThat(limiter.tryAcquire(request("u1", "api", "rpm", 10)).isGranted()).isTrue();
        assertThat(limiter.tryAcquire(request("u1", "api", "rpm", 1)).isGranted()).isFalse();
    }

    @Test
    void cache_changeByAnotherProcess_seenOnceTtlExpires() {
        RateLimiter reader = limiterBuilder().configCacheTtl(Duration.ofSeconds(60)).build();
        RateLimiter writer = limiter();
        configure(writer, ConfigScope.namespace(), Limit.perMinute("rpm", 1_000));
        reader.acquire(request("u1", "api", "rpm", 1)).commit();

        configure(writer, ConfigScope.namespace(), Limit.perMinute("rpm", 2));
        clock.advance(Duration.ofSeconds(59));
        long capacityBeforeExpiry = rpmCapacitySeenBy(reader);
        clock.advance(Duration.ofSeconds(1));
        long capacityAfterExpiry = rpmCapacitySeenBy(reader);

        assertThat(capacityBeforeExpiry).isEqualTo(1_000);
        assertThat(capacityAfterExpiry).isEqualTo(2);
    }

    @Test
    void cache_changeThroughThisLimiter_seenAtOnce() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.namespace(), Limit.perMinute("rpm", 1_000));
        limiter.acquire(request("u1", "api", "rpm", 1)).commit();

        configure(limiter, ConfigScope.namespace(), Limit.perMinute("rpm", 2));

        assertThat(rpmCapacitySeenBy(limiter)).isEqualTo(2);
    }

    @Test
    void onUnavailable_declaredForTheNamespace_isTheLimitersPolicyOnceLoaded() {
        RateLimiter limiter = limiter();
        limiter.configs().setOnUnavailable(OnUnavailable.ALLOW);

        limiter.acquire(request("u1", "api", "rpm", 1).withLimits(Limit.perMinute("rpm", 10))).commit();

        assertThat(limiter.configs().onUnavailable()).contains(OnUnavailable.ALLOW);
        assertThat(limiter.onUnavailable()).isEqualTo(OnUnavailable.ALLOW);
        assertThat(limiterBuilder().onUnavailable(OnUnavailable.BLOCK).build().onUnavailable())
                .isEqualTo(OnUnavailable.BLOCK);
    }

    @Test
    void cache_repeatedAcquires_areServedFromCache() {
        RateLimiter limiter = limiter();
        configure(limiter, ConfigScope.namespace(), Limit.perMinute("rpm", 1_000));

        for (int i = 0; i < 10; i++) {
            limiter.acquire(request("u1", "api", "rpm", 1)).commit();
        }

        assertThat(limiter.cacheStats().misses()).isEqualTo(5);
        assertThat(limiter.cacheStats().hits()).isGreaterThanOrEqualTo(9);
    }

    private static long rpmCapacitySeenBy(RateLimiter limiter) {
        return limiter.explain("u1", "api").buckets().get(0).limits().get(0).limit().capacity();
    }
}
