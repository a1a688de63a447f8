package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.LeaseContract;

import java.time.InstantSource;

class InMemoryLeaseContractTest extends LeaseContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
