package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.AcquireContract;

import java.time.InstantSource;

class InMemoryAcquireContractTest extends AcquireContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
