package dev.limiter;

import dev.limiter.backend.LeaseId;
import dev.limiter.internal.Futures;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * A lease granted by the in-memory fast path ({@link dev.limiter.internal.LocalBuckets}). Most leases are committed
 * unchanged, which needs no write; this lease does that with one compare-and-set and holds little more than its
 * plan and the TATs its charge left. Everything else (adjust, rollback, a ledger) it hands to a full
 * {@link BackendLease}, built on first use from the same plan and the outcome those TATs stand for, which then
 * settles through the backend SPI exactly as for any other backend.
 *
 * <p>Concurrency: lock-free. {@code state} moves once from open ({@code null}) to either {@link #COMMITTED} (an
 * unchanged commit) or the delegate {@link BackendLease}, by compare-and-set; a thread that loses the race sees the
 * winner's state. Once delegated, every call goes to the delegate, which is thread-safe itself.
 */
final class LocalLease implements Lease {

    private static final Object COMMITTED = new Object();
    private static final AtomicReferenceFieldUpdater<LocalLease, Object> STATE =
            AtomicReferenceFieldUpdater.newUpdater(LocalLease.class, Object.class, "state");

    private final LimiterContext context;
    private final OnUnavailable policy;
    private final ChargePlan plan;
    private final long idHigh;
    private final long idLow;
    private final long[] tats;
    private final long grantedAtNanos;
    /** {@code null} while open, {@link #COMMITTED}, or the {@link BackendLease} that took over. */
    private volatile Object state;

    LocalLease(LimiterContext context, OnUnavailable policy, ChargePlan plan, LeaseId id, long[] tats,
               long grantedAtNanos) {
        this.context = context;
        this.policy = policy;
        this.plan = plan;
        this.idHigh = id.high();
        this.idLow = id.low();
        this.tats = tats;
        this.grantedAtNanos = grantedAtNanos;
    }

    @Override
    public String id() {
        return new LeaseId(idHigh, idLow).toString();
    }

    @Override
    public String entity() {
        return plan.request().entity();
    }

    @Override
    public String resource() {
        return plan.request().resource();
    }

    @Override
    public Map<String, Long> charged() {
        return state instanceof BackendLease delegate ? delegate.charged() : plan.ownCharges();
    }

    @Override
    public List<LimitStatus> statuses() {
        return state instanceof BackendLease delegate ? delegate.statuses()
                : List.copyOf(plan.local().grantedStatuses(tats, grantedAtNanos));
    }

    @Override
    public boolean isOpen() {
        Object current = state;
        return current == null || (current instanceof BackendLease delegate && delegate.isOpen());
    }

    @Override
    public boolean isDegraded() {
        return false;
    }

    @Override
    public void adjust(String limitName, long delta) {
        delegate("adjust").adjust(limitName, delta);
    }

    @Override
    public void commit() {
        if (!STATE.compareAndSet(this, null, COMMITTED)) {
            delegate("commit").commit();
        }
    }

    @Override
    public CompletableFuture<Void> commitAsync() {
        if (STATE.compareAndSet(this, null, COMMITTED)) {
            return CompletableFuture.completedFuture(null);
        }
        return Futures.guard(() -> delegate("commit").commitAsync());
    }

    @Override
    public void rollback() {
        delegate("roll back").rollback();
    }

    @Override
    public CompletableFuture<Void> rollbackAsync() {
        return Futures.guard(() -> delegate("roll back").rollbackAsync());
    }

    @Override
    public void close() {
        if (!STATE.compareAndSet(this, null, COMMITTED) && state instanceof BackendLease delegate) {
            delegate.close();
        }
    }

    @Override
    public String toString() {
        Object current = state;
        if (current instanceof BackendLease delegate) {
            return delegate.toString();
        }
        return "Lease[" + id() + " " + entity() + "/" + resource() + " " + (current == null ? "OPEN" : "COMMITTED")
                + " charged=" + charged() + "]";
    }

    /** The full lease that takes over, built on first use; throws if this lease was already committed unchanged. */
    private BackendLease delegate(String action) {
        Object current = state;
        if (current == null) {
            BackendLease full = new BackendLease(context, policy, new LeaseId(idHigh, idLow), plan.request(), plan,
                    Optional.of(plan.local().outcomeOf(tats)), grantedAtNanos);
            current = STATE.compareAndSet(this, null, full) ? full : state;
        }
        if (current instanceof BackendLease delegate) {
            return delegate;
        }
        throw new IllegalStateException("cannot " + action + " lease " + id()
                + ": it is already committed (a lease settles once)");
    }
}
