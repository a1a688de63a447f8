package dev.limiter.spring;

import dev.limiter.backend.Backend;

/** Builds the backend a {@code limiter.backend} value names, from a module that may be absent at run time. */
@FunctionalInterface
interface BackendFactory {

    /** A new backend; its owner closes it. */
    Backend create();
}
