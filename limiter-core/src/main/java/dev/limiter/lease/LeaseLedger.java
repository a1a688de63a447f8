package dev.limiter.lease;

import dev.limiter.Limit;
import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.LimitAdjustment;
import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.Require;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The accounts of one lease: for every bucket it touches, the limits that apply and the net tokens charged, plus
 * the adjustments waiting for commit. Computes the settlement writes without performing them; the caller applies
 * a settlement to the ledger ({@link #applyPending()}, {@link #applyRollback()}) once its write succeeded, so a
 * failed write leaves the ledger as it was. Arrays rather than maps: a lease is short-lived and holds a few limits.
 *
 * <p>Not thread-safe: the lease that owns it serialises access.
 */
public final class LeaseLedger {

    /**
     * One bucket of the lease when it opens.
     *
     * @param key     the bucket
     * @param limits  every limit that applies to it (adjust may charge limits the acquire did not)
     * @param charged tokens the acquire charged per limit name
     */
    public record Opening(BucketKey key, List<Limit> limits, Map<String, Long> charged) {
        /** Copies the collections. */
        public Opening {
            Require.nonNull("key", key);
            limits = List.copyOf(limits);
            charged = Collections.unmodifiableMap(new LinkedHashMap<>(charged));
        }
    }

    private final Account[] accounts;
    private String[] pendingNames = new String[0];
    private long[] pendingDeltas = new long[0];

    /** Opens a ledger for {@code buckets}; the first is the lease's own entity. */
    public LeaseLedger(List<Opening> buckets) {
        Require.argument(!buckets.isEmpty(), "a lease has at least one bucket");
        accounts = new Account[buckets.size()];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = new Account(buckets.get(i));
        }
    }

    /**
     * Adds {@code delta} tokens of {@code name} to the pending adjustments.
     *
     * @throws IllegalArgumentException if no bucket has a limit called {@code name}
     */
    public void adjust(String name, long delta) {
        Require.limitName("limit name", name);
        if (delta < -Limit.MAX_TOKENS || delta > Limit.MAX_TOKENS) {
            Require.between("adjustment of '" + name + "'", delta, -Limit.MAX_TOKENS, Limit.MAX_TOKENS);
        }
        boolean known = false;
        for (Account account : accounts) {
            known |= account.indexOf(name) >= 0;
        }
        if (!known) {
            throw new IllegalArgumentException("lease has no limit called '" + name + "': its limits are " + limitNames());
        }
        for (int i = 0; i < pendingNames.length; i++) {
            if (pendingNames[i].equals(name)) {
                pendingDeltas[i] = Arithmetic.saturatedAdd(pendingDeltas[i], delta);
                return;
            }
        }
        pendingNames = Arrays.copyOf(pendingNames, pendingNames.length + 1);
        pendingDeltas = Arrays.copyOf(pendingDeltas, pendingDeltas.length + 1);
        pendingNames[pendingNames.length - 1] = name;
        pendingDeltas[pendingDeltas.length - 1] = delta;
    }

    /** The writes that commit the pending adjustments; empty when they change nothing. */
    public List<BucketAdjustment> pendingAdjustments() {
        List<BucketAdjustment> writes = new ArrayList<>(accounts.length);
        for (Account account : accounts) {
            List<LimitAdjustment> changes = new ArrayList<>(pendingNames.length);
            for (int p = 0; p < pendingNames.length; p++) {
                int i = account.indexOf(pendingNames[p]);
                if (i >= 0) {
                    addChange(changes, account.limits[i], account.net[i], settledNet(account.net[i], pendingDeltas[p]));
                }
            }
            if (!changes.isEmpty()) {
                writes.add(new BucketAdjustment(account.key, changes));
            }
        }
        return writes;
    }

    /** Records that the pending adjustments were written. */
    public void applyPending() {
        for (Account account : accounts) {
            for (int p = 0; p < pendingNames.length; p++) {
                int i = account.indexOf(pendingNames[p]);
                if (i >= 0) {
                    account.net[i] = settledNet(account.net[i], pendingDeltas[p]);
                    account.charged[i] = true;
                }
            }
        }
        clearPending();
    }

    /** The writes that refund everything charged; empty when nothing was. */
    public List<BucketAdjustment> rollbackAdjustments() {
        List<BucketAdjustment> writes = new ArrayList<>(accounts.length);
        for (Account account : accounts) {
            List<LimitAdjustment> changes = new ArrayList<>(account.limits.length);
            for (int i = 0; i < account.limits.length; i++) {
                addChange(changes, account.limits[i], account.net[i], 0);
            }
            if (!changes.isEmpty()) {
                writes.add(new BucketAdjustment(account.key, changes));
            }
        }
        return writes;
    }

    /** Records that the rollback was written. */
    public void applyRollback() {
        for (Account account : accounts) {
            Arrays.fill(account.net, 0);
        }
        clearPending();
    }

    /** Net tokens charged per limit on the first bucket (the lease's own entity), for the limits it charged. */
    public Map<String, Long> charged() {
        Account own = accounts[0];
        Map<String, Long> charged = new LinkedHashMap<>();
        for (int i = 0; i < own.limits.length; i++) {
            if (own.charged[i]) {
                charged.put(own.limits[i].name(), own.net[i]);
            }
        }
        return Collections.unmodifiableMap(charged);
    }

    private void clearPending() {
        pendingNames = new String[0];
        pendingDeltas = new long[0];
    }

    private String limitNames() {
        TreeSet<String> names = new TreeSet<>();
        for (Account account : accounts) {
            for (Limit limit : account.limits) {
                names.add(limit.name());
            }
        }
        return names.toString();
    }

    private static long settledNet(long net, long delta) {
        return Math.max(0, Arithmetic.saturatedAdd(net, delta));
    }

    private static void addChange(List<LimitAdjustment> changes, Limit limit, long fromNet, long toNet) {
        if (fromNet == toNet) {
            return;
        }
        long cost = Math.abs(limit.costNanos(toNet) - limit.costNanos(fromNet));
        changes.add(new LimitAdjustment(limit, toNet - fromNet, cost));
    }

    /** One bucket's limits, net charges, and which limits the lease has charged at some point. */
    private static final class Account {
        private final BucketKey key;
        private final Limit[] limits;
        private final long[] net;
        private final boolean[] charged;

        Account(Opening opening) {
            this.key = opening.key();
            this.limits = opening.limits().toArray(new Limit[0]);
            this.net = new long[limits.length];
            this.charged = new boolean[limits.length];
            for (Map.Entry<String, Long> charge : opening.charged().entrySet()) {
                int i = indexOf(charge.getKey());
                if (i < 0) {
                    throw new IllegalArgumentException("charged limit '" + charge.getKey()
                            + "' is not among the limits of bucket " + key);
                }
                net[i] = charge.getValue();
                charged[i] = true;
            }
        }

        int indexOf(String name) {
            for (int i = 0; i < limits.length; i++) {
                if (limits[i].name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
