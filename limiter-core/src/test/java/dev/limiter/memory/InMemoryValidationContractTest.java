package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.ValidationContract;

import java.time.InstantSource;

class InMemoryValidationContractTest extends ValidationContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
