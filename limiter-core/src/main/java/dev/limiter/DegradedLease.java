package dev.limiter;

import dev.limiter.internal.Require;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lease granted under {@link OnUnavailable#ALLOW} while the backend is unavailable: it charged nothing and
 * writes nothing, but keeps the single-use rules of a real lease so code behaves the same in both cases.
 */
final class DegradedLease implements Lease {

    private final String id;
    private final AcquireRequest request;
    private final AtomicReference<String> settledAs = new AtomicReference<>();

    DegradedLease(String id, AcquireRequest request) {
        this.id = id;
        this.request = request;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String entity() {
        return request.entity();
    }

    @Override
    public String resource() {
        return request.resource();
    }

    @Override
    public Map<String, Long> charged() {
        return Map.of();
    }

    @Override
    public List<LimitStatus> statuses() {
        return List.of();
    }

    @Override
    public List<LimitStatus> shadowRejections() {
        return List.of();
    }

    @Override
    public boolean isOpen() {
        return settledAs.get() == null;
    }

    @Override
    public boolean isDegraded() {
        return true;
    }

    @Override
    public void adjust(String limitName, long delta) {
        Require.limitName("limit name", limitName);
        requireOpen("adjust");
    }

    @Override
    public void commit() {
        settle("committed");
    }

    @Override
    public CompletableFuture<Void> commitAsync() {
        return settleAsync("committed");
    }

    @Override
    public void rollback() {
        settle("rolled back");
    }

    @Override
    public CompletableFuture<Void> rollbackAsync() {
        return settleAsync("rolled back");
    }

    @Override
    public void close() {
        settledAs.compareAndSet(null, "committed");
    }

    @Override
    public String toString() {
        String settled = settledAs.get();
        return "DegradedLease[" + id + " " + request.entity() + "/" + request.resource() + " "
                + (settled == null ? "open" : settled) + ", charged nothing: backend unavailable under ALLOW]";
    }

    private CompletableFuture<Void> settleAsync(String outcome) {
        try {
            settle(outcome);
            return CompletableFuture.completedFuture(null);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void settle(String outcome) {
        if (!settledAs.compareAndSet(null, outcome)) {
            throw new IllegalStateException("cannot settle degraded lease " + id + ": it is already "
                    + settledAs.get() + " (a lease settles once)");
        }
    }

    private void requireOpen(String action) {
        String settled = settledAs.get();
        if (settled != null) {
            throw new IllegalStateException("cannot " + action + " degraded lease " + id + ": it is already "
                    + settled + " (a lease settles once)");
        }
    }
}
