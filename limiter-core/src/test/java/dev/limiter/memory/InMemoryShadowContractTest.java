package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.ShadowContract;

import java.time.InstantSource;

class InMemoryShadowContractTest extends ShadowContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
