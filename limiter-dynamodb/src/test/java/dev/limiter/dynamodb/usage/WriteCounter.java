package dev.limiter.dynamodb.usage;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the {@code UpdateItem} attempts a client sends. Thread-safe. */
final class WriteCounter implements ExecutionInterceptor {

    private final AtomicInteger updates = new AtomicInteger();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if ("UpdateItem".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            updates.incrementAndGet();
        }
    }

    /** Returns the count so far and restarts from zero. */
    int take() {
        return updates.getAndSet(0);
    }
}
