package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.CascadeContract;

import java.time.InstantSource;

class InMemoryCascadeContractTest extends CascadeContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
