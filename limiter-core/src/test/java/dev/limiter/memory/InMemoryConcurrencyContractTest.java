package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.ConcurrencyContract;

import java.time.InstantSource;

class InMemoryConcurrencyContractTest extends ConcurrencyContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
