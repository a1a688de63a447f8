package dev.limiter;

import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * At most {@link Limit#MAX_PER_BUCKET} limits apply to one bucket (issue 9, item 6): one write charges them all and
 * must stay inside DynamoDB's expression limits. Each entry point says so when it is given more.
 */
class LimitsPerBucketTest {

    @Test
    void consume_moreNamesThanTheCap_isRejectedNamingTheCap() {
        AcquireRequest full = AcquireRequest.of("u1", "api", amounts(Limit.MAX_PER_BUCKET));

        assertThatThrownBy(() -> full.consume("extra", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request amounts name 33 limits").hasMessageContaining("at most 32");
    }

    @Test
    void withLimits_moreRequestLimitsThanTheCap_isRejectedNamingTheCap() {
        Limit[] limits = limits("r", Limit.MAX_PER_BUCKET + 1).toArray(Limit[]::new);

        assertThatThrownBy(() -> AcquireRequest.of("u1", "api").withLimits(limits))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request limits name 33 limits");
    }

    @Test
    void acquire_levelsTogetherResolvingToMoreThanTheCap_isRejectedNamingTheBucket() {
        RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).clock(ManualClock.create())
                .build();
        limiter.configs().set(ConfigScope.namespace(), new LimitConfig(limits("n", 20), Set.of()));
        limiter.configs().set(ConfigScope.resource("api"), new LimitConfig(limits("r", 20), Set.of()));

        assertThatThrownBy(() -> limiter.acquire(AcquireRequest.of("u1", "api").consume("n0", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entity 'u1' resource 'api' resolves to 40 limits")
                .hasMessageContaining("at most 32");
    }

    @Test
    void acquire_levelsTogetherAtTheCap_isGranted() {
        RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).clock(ManualClock.create())
                .build();
        limiter.configs().set(ConfigScope.namespace(), new LimitConfig(limits("n", 16), Set.of()));
        limiter.configs().set(ConfigScope.resource("api"), new LimitConfig(limits("r", 16), Set.of()));

        Decision decision = limiter.tryAcquire(AcquireRequest.of("u1", "api", amounts(0)).consume("n0", 1));

        assertThat(decision).isInstanceOf(Decision.Granted.class);
    }

    private static Map<String, Long> amounts(int count) {
        Map<String, Long> amounts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            amounts.put("a" + i, 1L);
        }
        return amounts;
    }

    private static List<Limit> limits(String prefix, int count) {
        List<Limit> limits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            limits.add(Limit.perMinute(prefix + i, 10));
        }
        return limits;
    }
}
