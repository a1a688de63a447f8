package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.CheckContract;

import java.time.InstantSource;

class InMemoryCheckContractTest extends CheckContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
