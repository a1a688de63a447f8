package dev.limiter.benchmarks;

import dev.limiter.RateLimiterListener;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the settles a limiter's backend failed, the local tier's returns of unused tokens among them: tokens of a
 * failed return stay charged to the shared bucket, so the table then holds more than the grants.
 *
 * <p>Thread-safe.
 */
final class FailedSettles implements RateLimiterListener {

    private final LongAdder failed = new LongAdder();

    @Override
    public void onBackendCall(String operation, Duration latency, boolean failedCall) {
        if (failedCall && operation.equals("settle")) {
            failed.increment();
        }
    }

    long count() {
        return failed.sum();
    }
}
