package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.PropertyContract;

import java.time.InstantSource;

class InMemoryPropertyContractTest extends PropertyContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
