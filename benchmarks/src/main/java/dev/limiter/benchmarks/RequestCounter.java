package dev.limiter.benchmarks;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every HTTP attempt a client makes (SDK retries included), cheaply enough to stay on during latency runs,
 * so that each contender's requests per operation are reported next to its latency.
 *
 * <p>Thread-safe.
 */
final class RequestCounter implements ExecutionInterceptor {

    private final LongAdder attempts = new LongAdder();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        attempts.increment();
    }

    /** Attempts so far. */
    long total() {
        return attempts.sum();
    }
}
