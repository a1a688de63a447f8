package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.ConfigContract;

import java.time.InstantSource;

class InMemoryConfigContractTest extends ConfigContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
