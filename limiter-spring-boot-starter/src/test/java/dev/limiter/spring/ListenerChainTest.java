package dev.limiter.spring;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerChainTest {

    @Test
    void shadowRejection_firstListenerThrows_secondStillHearsIt() {
        List<String> heard = new ArrayList<>();
        RateLimiterListener failing = new RateLimiterListener() {
            @Override
            public void onShadowRejected(Lease lease, List<LimitStatus> wouldHaveRejected) {
                throw new IllegalStateException("listener bug");
            }
        };
        RateLimiterListener recording = new RateLimiterListener() {
            @Override
            public void onGranted(Lease lease, Duration latency) {
                heard.add("granted");
            }

            @Override
            public void onShadowRejected(Lease lease, List<LimitStatus> wouldHaveRejected) {
                heard.add("shadow " + wouldHaveRejected.get(0).limitName());
            }
        };
        RateLimiter limiter = RateLimiter.builder().listener(new ListenerChain(List.of(failing, recording))).build();
        AcquireRequest request = AcquireRequest.of("u1", "r").consume("trial", 1)
                .withLimits(Limit.perMinute("trial", 1).asShadow());
        limiter.acquire(request).commit();

        limiter.acquire(request).commit();

        assertThat(heard).containsExactly("granted", "granted", "shadow trial");
    }
}
