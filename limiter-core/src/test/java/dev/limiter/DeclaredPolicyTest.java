package dev.limiter;

import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The on-unavailable policy a namespace declares (a limits file's {@code defaults.on_unavailable}) governs limiters
 * that do not set one, using the value last loaded while the backend was up; an explicit policy wins.
 */
class DeclaredPolicyTest {

    private final ManualClock clock = ManualClock.create();
    private final SwitchableBackend backend = new SwitchableBackend();
    private final AcquireRequest request = AcquireRequest.of("u1", "api").consume("rpm", 1)
            .withLimits(Limit.perMinute("rpm", 100));

    @Test
    void acquire_namespaceDeclaresAllowAndBackendGoesDown_grantsDegradedLease() {
        RateLimiter limiter = RateLimiter.builder().backend(backend).clock(clock).build();
        limiter.configs().setOnUnavailable(OnUnavailable.ALLOW);
        limiter.acquire(request).commit();

        backend.switchTo(SwitchableBackend.Mode.DOWN);
        Lease lease = limiter.acquire(request);

        assertThat(limiter.onUnavailable()).isEqualTo(OnUnavailable.ALLOW);
        assertThat(lease.isDegraded()).isTrue();
    }

    @Test
    void acquire_explicitBlockOverDeclaredAllow_throwsUnavailable() {
        RateLimiter limiter = RateLimiter.builder().backend(backend).clock(clock).onUnavailable(OnUnavailable.BLOCK)
                .build();
        limiter.configs().setOnUnavailable(OnUnavailable.ALLOW);
        limiter.acquire(request).commit();

        backend.switchTo(SwitchableBackend.Mode.DOWN);

        assertThatThrownBy(() -> limiter.acquire(request)).isInstanceOf(RateLimiterUnavailableException.class);
    }

    @Test
    void acquire_nothingDeclaredOrNeverLoaded_blocks() {
        RateLimiter limiter = RateLimiter.builder().backend(backend).clock(clock).build();

        backend.switchTo(SwitchableBackend.Mode.DOWN);

        assertThat(limiter.onUnavailable()).isEqualTo(OnUnavailable.BLOCK);
        assertThatThrownBy(() -> limiter.acquire(request)).isInstanceOf(RateLimiterUnavailableException.class);
    }
}
