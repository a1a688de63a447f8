package dev.limiter;

import dev.limiter.allowance.LocalGrant;
import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.LeaseId;
import dev.limiter.backend.SettleRequest;
import dev.limiter.internal.Futures;
import dev.limiter.lease.LeaseLedger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A lease backed by the backend: charged on grant, settled by at most one write per bucket.
 *
 * <p>Concurrency: all state sits behind a private lock. A settlement moves the lease to {@code SETTLING} under the
 * lock, writes without holding it, and moves it to its final state (or back to {@code OPEN} if the write failed
 * under {@link OnUnavailable#BLOCK}) when the write completes.
 */
final class BackendLease implements Lease {

    private enum State { OPEN, SETTLING, COMMITTED, ROLLED_BACK }

    private static final ChargeOutcome NOTHING_CHARGED = new ChargeOutcome(true, List.of());

    private final Object lock = new Object();
    private final LimiterContext context;
    private final OnUnavailable policy;
    private final LeaseId id;
    private final AcquireRequest request;
    private final ChargePlan plan;
    private final ChargeOutcome outcome;
    private final long grantedAtNanos;
    /** The local tier's grant when served from an allowance: it settles the adjustments. */
    private final Optional<LocalGrant> local;
    private LeaseLedger ledger;
    private List<LimitStatus> statuses;
    private State state = State.OPEN;

    /**
     * A lease for {@code plan}, granted with {@code outcome} at {@code grantedAtNanos}; without an outcome nothing was
     * charged (every limit named was unlimited). The ledger and the statuses are built on first use: most leases are
     * committed unchanged and never need them.
     */
    BackendLease(LimiterContext context, OnUnavailable policy, LeaseId id, AcquireRequest request, ChargePlan plan,
                 Optional<ChargeOutcome> outcome, long grantedAtNanos) {
        this(context, policy, id, request, plan, outcome, grantedAtNanos, Optional.empty());
    }

    /** A lease as above; with {@code local}, served from an allowance of the local tier, which settles it. */
    BackendLease(LimiterContext context, OnUnavailable policy, LeaseId id, AcquireRequest request, ChargePlan plan,
                 Optional<ChargeOutcome> outcome, long grantedAtNanos, Optional<LocalGrant> local) {
        this.local = local;
        this.context = context;
        this.policy = policy;
        this.id = id;
        this.request = request;
        this.plan = plan;
        this.outcome = outcome.orElse(NOTHING_CHARGED);
        this.grantedAtNanos = grantedAtNanos;
    }

    @Override
    public String id() {
        return id.toString();
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
        synchronized (lock) {
            return ledger == null ? (outcome == NOTHING_CHARGED ? Map.of() : plan.ownCharges()) : ledger.charged();
        }
    }

    @Override
    public List<LimitStatus> statuses() {
        synchronized (lock) {
            if (statuses == null) {
                statuses = outcome == NOTHING_CHARGED ? plan.shadowRejections()
                        : List.copyOf(local.isPresent() ? servedLocally(plan.grantedStatuses(outcome, grantedAtNanos))
                        : plan.grantedStatuses(outcome, grantedAtNanos));
            }
            return statuses;
        }
    }

    @Override
    public List<LimitStatus> shadowRejections() {
        return plan.shadowRejections();
    }

    @Override
    public boolean servedLocally() {
        return local.isPresent();
    }

    private static List<LimitStatus> servedLocally(List<LimitStatus> statuses) {
        List<LimitStatus> marked = new java.util.ArrayList<>(statuses.size());
        for (LimitStatus status : statuses) {
            marked.add(new LimitStatus(status.entity(), status.resource(), status.limit(), status.available(),
                    status.requested(), status.retryAfter(), true));
        }
        return marked;
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return state == State.OPEN;
        }
    }

    @Override
    public boolean isDegraded() {
        return false;
    }

    @Override
    public void adjust(String limitName, long delta) {
        synchronized (lock) {
            requireOpen("adjust");
            ledger().adjust(limitName, delta);
        }
    }

    @Override
    public void commit() {
        synchronized (lock) {
            if (state == State.OPEN && ledger == null) {
                state = State.COMMITTED; // nothing was adjusted: the charge stands as written, no future needed
                return;
            }
        }
        Futures.join(commitAsync());
    }

    @Override
    public CompletableFuture<Void> commitAsync() {
        return settle(true);
    }

    @Override
    public void rollback() {
        Futures.join(rollbackAsync());
    }

    @Override
    public CompletableFuture<Void> rollbackAsync() {
        return settle(false);
    }

    @Override
    public void close() {
        boolean open;
        synchronized (lock) {
            open = state == State.OPEN;
        }
        if (open) {
            commit();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Lease[" + id + " " + request.entity() + "/" + request.resource() + " " + state + " charged="
                    + charged() + "]";
        }
    }

    private CompletableFuture<Void> settle(boolean commit) {
        List<BucketAdjustment> writes;
        synchronized (lock) {
            if (state != State.OPEN) {
                return CompletableFuture.failedFuture(notOpen(commit ? "commit" : "roll back"));
            }
            if (commit && ledger == null) {
                state = State.COMMITTED; // nothing was adjusted: the charge stands as written
                return CompletableFuture.completedFuture(null);
            }
            writes = commit ? ledger().pendingAdjustments() : ledger().rollbackAdjustments();
            if (writes.isEmpty()) {
                finish(commit);
                return CompletableFuture.completedFuture(null);
            }
            state = State.SETTLING;
        }
        long start = context.nowNanos();
        SettleRequest settlement = new SettleRequest(id, start, writes);
        return Futures.guard(() -> local.isPresent() ? local.get().settle(settlement)
                        : context.reported("settle", start, context.backend().settle(settlement)))
                .handle((done, failure) -> settled(commit, failure));
    }

    private Void settled(boolean commit, Throwable failure) {
        Throwable cause = failure == null ? null : Futures.unwrap(failure);
        boolean unavailable = cause instanceof RateLimiterUnavailableException;
        if (unavailable) {
            context.listener().onUnavailable(request.entity(), request.resource(), policy, cause);
        }
        synchronized (lock) {
            if (cause == null || (unavailable && policy == OnUnavailable.ALLOW)) {
                finish(commit);
                return null;
            }
            state = State.OPEN;
        }
        throw new CompletionException(cause);
    }

    private LeaseLedger ledger() {
        if (ledger == null) {
            ledger = plan.ledger(outcome != NOTHING_CHARGED);
        }
        return ledger;
    }

    private void finish(boolean commit) {
        if (commit) {
            ledger().applyPending();
        } else {
            ledger().applyRollback();
        }
        state = commit ? State.COMMITTED : State.ROLLED_BACK;
    }

    private void requireOpen(String action) {
        if (state != State.OPEN) {
            throw notOpen(action);
        }
    }

    private IllegalStateException notOpen(String action) {
        String current = switch (state) {
            case SETTLING -> "being settled";
            case COMMITTED -> "already committed";
            case ROLLED_BACK -> "already rolled back";
            case OPEN -> "open";
        };
        return new IllegalStateException("cannot " + action + " lease " + id + ": it is " + current
                + " (a lease settles once)");
    }
}
