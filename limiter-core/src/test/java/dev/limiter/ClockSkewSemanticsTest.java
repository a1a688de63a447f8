package dev.limiter;

import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What skewed clocks do to a shared bucket (issue 9, item 5; docs/architecture.md, "Clock skew"). Two limiters
 * share one backend; one clock is shifted by a minute against a limit whose whole bucket refills in a second.
 */
class ClockSkewSemanticsTest {

    private static final Limit RPS = Limit.perSecond("rps", 10);
    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryBackend backend = InMemoryBackend.create();
    private final ManualClock correct = ManualClock.at(START);

    @BeforeEach
    void configure() {
        limiter(correct).configs().set(ConfigScope.namespace(), LimitConfig.of(RPS));
    }

    @Test
    void acquire_hostAhead_locksCorrectClientsOutForAboutTheSkewWhileItKeepsBeingAdmitted() {
        RateLimiter ahead = limiter(ManualClock.at(START.plus(SKEW)));
        ahead.acquire(request()).commit();

        Decision correctClient = limiter(correct).tryAcquire(request());

        assertThat(correctClient).isInstanceOfSatisfying(Decision.Rejected.class, rejected ->
                assertThat(rejected.retryAfter()).isGreaterThan(SKEW.minusSeconds(1)).isLessThanOrEqualTo(SKEW));
        assertThat(ahead.tryAcquire(request())).isInstanceOf(Decision.Granted.class);
    }

    @Test
    void acquire_hostBehind_seesTheBucketEmptierAndLocksOnlyItselfOut() {
        RateLimiter behind = limiter(ManualClock.at(START.minus(SKEW)));
        limiter(correct).acquire(request()).commit();

        Decision behindClient = behind.tryAcquire(request());

        assertThat(behindClient).isInstanceOf(Decision.Rejected.class);
        assertThat(limiter(correct).tryAcquire(request())).isInstanceOf(Decision.Granted.class);
    }

    private RateLimiter limiter(ManualClock clock) {
        return RateLimiter.builder().backend(backend).clock(clock).build();
    }

    private static AcquireRequest request() {
        return AcquireRequest.of("u1", "api").consume("rps", 1);
    }
}
