package dev.limiter.allowance;

import dev.limiter.LocalTier;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.backend.Backend;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ConcurrencyContract;

import java.time.Duration;
import java.time.InstantSource;

/**
 * The Concurrency contract with the local tier on over the in-memory backend, but without allowances: the tier must then
 * charge exactly as without it. Allowances stay off here because the contract reads every consumption counter right after the run and expects it to equal the net grants;
 * with allowances, tokens still held (or refunded into an allowance) stay charged until returned. The bound and the
 * reconciliation with allowances are checked by {@link SharedBucketBoundTest}, which closes its tiers first.
 */
class LocalTierConcurrencyContractTest extends ConcurrencyContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }

    @Override
    protected RateLimiterBuilder limiterBuilder() {
        return super.limiterBuilder().localTier(LocalTier.defaults().withSweepInterval(Duration.ZERO));
    }
}
