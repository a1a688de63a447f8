package dev.limiter.allowance;

import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.backend.SettleRequest;
import dev.limiter.config.ConfigStore;
import dev.limiter.entity.EntityStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards to a backend, counting charges and settles; while {@link #hold} is set, charge answers wait until
 * {@link #release()}, so a test can keep a reservation in flight; while {@link #failSettles} is set, settles fail
 * without reaching the delegate; {@link #beforeCharge} runs as each charge is sent (a test advances its clock there to
 * stand for the time a charge takes to land).
 */
final class CountingBackend implements Backend {

    final AtomicInteger charges = new AtomicInteger();
    final AtomicInteger settles = new AtomicInteger();
    volatile boolean failSettles;
    volatile Runnable beforeCharge = () -> { };
    private final Backend delegate;
    private final List<Runnable> held = new ArrayList<>();
    private boolean hold;

    CountingBackend(Backend delegate) {
        this.delegate = delegate;
    }

    synchronized void hold() {
        hold = true;
    }

    void release() {
        List<Runnable> pending;
        synchronized (this) {
            hold = false;
            pending = new ArrayList<>(held);
            held.clear();
        }
        pending.forEach(Runnable::run);
    }

    @Override
    public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
        charges.incrementAndGet();
        beforeCharge.run();
        synchronized (this) {
            if (hold) {
                CompletableFuture<ChargeOutcome> later = new CompletableFuture<>();
                held.add(() -> delegate.charge(request).whenComplete((outcome, failure) -> {
                    if (failure == null) {
                        later.complete(outcome);
                    } else {
                        later.completeExceptionally(failure);
                    }
                }));
                return later;
            }
        }
        return delegate.charge(request);
    }

    @Override
    public CompletableFuture<Void> settle(SettleRequest request) {
        settles.incrementAndGet();
        if (failSettles) {
            return CompletableFuture.failedFuture(new IllegalStateException("settle refused by the test"));
        }
        return delegate.settle(request);
    }

    @Override
    public CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys) {
        return delegate.read(keys);
    }

    @Override
    public ConfigStore configs() {
        return delegate.configs();
    }

    @Override
    public EntityStore entities() {
        return delegate.entities();
    }
}
