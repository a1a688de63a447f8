package dev.limiter.allowance;

import dev.limiter.LocalTier;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.backend.Backend;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.CascadeContract;

import java.time.Duration;
import java.time.InstantSource;

/**
 * The Cascade contract with the local tier on over the in-memory backend, but without allowances: the tier must then
 * charge exactly as without it. Allowances stay off here because {@code rollback_cascadedLease_refundsEveryLevel} reads the shared buckets right after rolling back and expects
 * every level full again; a rollback of a local grant puts its tokens back into the allowance, which keeps them
 * charged to the shared bucket until they are returned (at {@code maxHold}, when idle, or on close).
 */
class LocalTierCascadeContractTest extends CascadeContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }

    @Override
    protected RateLimiterBuilder limiterBuilder() {
        return super.limiterBuilder().localTier(LocalTier.defaults().withSweepInterval(Duration.ZERO));
    }
}
