package dev.limiter.memory;

import dev.limiter.backend.Backend;
import dev.limiter.testkit.NamespaceContract;

import java.time.InstantSource;

class InMemoryNamespaceContractTest extends NamespaceContract {

    @Override
    protected Backend newBackend(InstantSource clock) {
        return InMemoryBackend.create();
    }
}
