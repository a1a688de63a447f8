package dev.limiter;

import dev.limiter.backend.LeaseId;
import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.Futures;
import dev.limiter.internal.LocalBuckets;
import dev.limiter.internal.Require;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * A lease granted by the in-memory fast path ({@link LocalBuckets}). It holds little more than its plan and the TATs
 * its charge left. Committing it unchanged, the common case, is one compare-and-set; adjusting the limits it charged
 * collects deltas that its commit settles with one {@link LocalBuckets.Bucket#settleNow}. Anything else (a rollback, an
 * adjustment of a limit it did not charge) it hands to a full {@link BackendLease}, built from the same plan and the
 * outcome those TATs stand for, with the pending deltas replayed into it; that lease then settles through the SPI
 * exactly as for any other backend.
 *
 * <p>Concurrency: {@code state} moves, by compare-and-set, from open ({@code null}) to {@link #COMMITTED} (an unchanged
 * commit), to a {@link Pending} (open with deltas), or to the delegate {@link BackendLease}; from a {@link Pending}
 * only under its monitor, to its own committed form or to the delegate. A thread that loses a race re-reads the state.
 * The delegate is thread-safe itself.
 */
final class LocalLease implements Lease {

    private static final Object COMMITTED = new Object();
    private static final AtomicReferenceFieldUpdater<LocalLease, Object> STATE =
            AtomicReferenceFieldUpdater.newUpdater(LocalLease.class, Object.class, "state");

    /** Deltas per charge of the plan, collected by adjust; its monitor guards it. */
    private static final class Pending {
        final long[] deltas;
        boolean committed;
        boolean delegated;

        Pending(int charges) {
            deltas = new long[charges];
        }
    }

    private final LimiterContext context;
    private final OnUnavailable policy;
    private final ChargePlan plan;
    private final long idHigh;
    private final long idLow;
    private final long[] tats;
    private final long grantedAtNanos;
    /** {@code null} while open, {@link #COMMITTED}, a {@link Pending}, or the {@link BackendLease} that took over. */
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
        Object current = state;
        if (current instanceof BackendLease delegate) {
            return delegate.charged();
        }
        if (current instanceof Pending pending) {
            synchronized (pending) {
                if (pending.committed) {
                    return plan.local().settledCharges(pending.deltas);
                }
            }
        }
        return plan.ownCharges();
    }

    @Override
    public List<LimitStatus> statuses() {
        return state instanceof BackendLease delegate ? delegate.statuses()
                : List.copyOf(plan.local().grantedStatuses(tats, grantedAtNanos));
    }

    @Override
    public boolean isOpen() {
        Object current = state;
        if (current instanceof Pending pending) {
            synchronized (pending) {
                return pending.delegated ? isOpen() : !pending.committed;
            }
        }
        return current == null || (current instanceof BackendLease delegate && delegate.isOpen());
    }

    @Override
    public boolean isDegraded() {
        return false;
    }

    @Override
    public void adjust(String limitName, long delta) {
        int index = plan.local().indexOf(Require.nonNull("limit name", limitName));
        if (index < 0) {
            delegate("adjust").adjust(limitName, delta); // the ledger knows every limit that applies, and validates
            return;
        }
        if (delta < -Limit.MAX_TOKENS || delta > Limit.MAX_TOKENS) {
            Require.between("adjustment of '" + limitName + "'", delta, -Limit.MAX_TOKENS, Limit.MAX_TOKENS);
        }
        while (true) {
            Object current = state;
            if (current == null) {
                STATE.compareAndSet(this, null, new Pending(tats.length));
            } else if (current instanceof Pending pending) {
                synchronized (pending) {
                    if (pending.committed) {
                        throw notOpen("adjust");
                    }
                    if (!pending.delegated) {
                        pending.deltas[index] = Arithmetic.saturatedAdd(pending.deltas[index], delta);
                        return;
                    }
                } // delegated meanwhile: the next round finds the delegate
            } else if (current instanceof BackendLease delegate) {
                delegate.adjust(limitName, delta);
                return;
            } else {
                throw notOpen("adjust");
            }
        }
    }

    @Override
    public void commit() {
        if (STATE.compareAndSet(this, null, COMMITTED) || commitPending()) {
            return;
        }
        delegate("commit").commit();
    }

    @Override
    public CompletableFuture<Void> commitAsync() {
        try {
            commit();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
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
        if (STATE.compareAndSet(this, null, COMMITTED)) {
            return;
        }
        // An adjusted lease: settle its deltas under one monitor rather than asking isOpen and then committing.
        if (state instanceof Pending pending && settlePending(pending, false)) {
            return;
        }
        if (isOpen()) {
            commit();
        }
    }

    @Override
    public String toString() {
        Object current = state;
        if (current instanceof BackendLease delegate) {
            return delegate.toString();
        }
        return "Lease[" + id() + " " + entity() + "/" + resource() + " " + (isOpen() ? "OPEN" : "COMMITTED")
                + " charged=" + charged() + "]";
    }

    /** Settles pending deltas locally if the lease holds some and is open; whether it did. */
    private boolean commitPending() {
        return state instanceof Pending pending && settlePending(pending, true);
    }

    /**
     * Settles {@code pending} locally unless it was delegated meanwhile (then false); if it is already committed,
     * throws when {@code strict} (a commit), else does nothing (a close).
     */
    private boolean settlePending(Pending pending, boolean strict) {
        synchronized (pending) {
            if (pending.delegated) {
                return false;
            }
            if (pending.committed) {
                if (strict) {
                    throw notOpen("commit");
                }
                return true;
            }
            long now = context.nowNanos();
            if (plan.local().settle((LocalBuckets) context.backend(), pending.deltas, now) && context.listening()) {
                context.listener().onBackendCall("settle", context.since(now), false);
            }
            pending.committed = true;
            return true;
        }
    }

    /** The full lease that takes over, built on first use with pending deltas replayed; throws once settled. */
    private BackendLease delegate(String action) {
        while (true) {
            Object current = state;
            if (current instanceof BackendLease delegate) {
                return delegate;
            }
            if (current == COMMITTED) {
                throw notOpen(action);
            }
            if (current == null) {
                BackendLease full = fullLease();
                if (STATE.compareAndSet(this, null, full)) {
                    return full;
                }
            } else {
                Pending pending = (Pending) current;
                synchronized (pending) {
                    if (pending.committed) {
                        throw notOpen(action);
                    }
                    if (!pending.delegated) {
                        BackendLease full = fullLease();
                        for (int i = 0; i < pending.deltas.length; i++) {
                            if (pending.deltas[i] != 0) {
                                full.adjust(plan.local().name(i), pending.deltas[i]);
                            }
                        }
                        state = full;
                        pending.delegated = true;
                        return full;
                    }
                }
            }
        }
    }

    private BackendLease fullLease() {
        return new BackendLease(context, policy, new LeaseId(idHigh, idLow), plan.request(), plan,
                Optional.of(plan.local().outcomeOf(tats)), grantedAtNanos);
    }

    private IllegalStateException notOpen(String action) {
        return new IllegalStateException("cannot " + action + " lease " + id()
                + ": it is already committed (a lease settles once)");
    }
}
