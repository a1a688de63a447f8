package dev.limiter.allowance;

import dev.limiter.LocalAllowance;
import dev.limiter.LocalTier;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.backend.Backend;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ValidationContract;

import java.time.Duration;
import java.time.InstantSource;

/** The Validation contract with the local tier on over the in-memory backend, every stored limit with an allowance. */
class LocalTierValidationContractTest extends ValidationContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return new AllowingBackend(InMemoryBackend.create(), LocalAllowance.of(1, Duration.ofSeconds(1)));
    }

    @Override
    protected RateLimiterBuilder limiterBuilder() {
        return super.limiterBuilder().localTier(LocalTier.defaults().withSweepInterval(Duration.ZERO));
    }
}
