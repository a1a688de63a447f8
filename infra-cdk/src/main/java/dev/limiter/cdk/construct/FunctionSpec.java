package dev.limiter.cdk.construct;

import java.time.Duration;
import java.util.Objects;

/**
 * What differs between the construct's Java functions.
 *
 * @param handler     the handler, {@code class::method}
 * @param description the function's description in the console
 * @param memoryMb    memory, in MB
 * @param timeout     the invocation timeout
 */
record FunctionSpec(String handler, String description, int memoryMb, Duration timeout) {

    FunctionSpec {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(timeout, "timeout");
    }
}
