package dev.limiter.lease;

import dev.limiter.Limit;
import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.LimitAdjustment;
import dev.limiter.internal.Arithmetic;
import dev.limiter.internal.Require;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The accounts of one lease: for every bucket it touches, the limits that apply and the net tokens charged, plus
 * the adjustments waiting for commit. Computes the settlement writes without performing them; the caller applies
 * a settlement to the ledger ({@link #applyPending()}, {@link #applyRollback()}) once its write succeeded, so a
 * failed write leaves the ledger as it was.
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

    private final List<Account> accounts;
    private final Map<String, Long> pending = new LinkedHashMap<>();

    /** Opens a ledger for {@code buckets}; the first is the lease's own entity. */
    public LeaseLedger(List<Opening> buckets) {
        Require.argument(!buckets.isEmpty(), "a lease has at least one bucket");
        List<Account> opened = new ArrayList<>(buckets.size());
        for (Opening bucket : buckets) {
            opened.add(new Account(bucket));
        }
        this.accounts = List.copyOf(opened);
    }

    /**
     * Adds {@code delta} tokens of {@code name} to the pending adjustments.
     *
     * @throws IllegalArgumentException if no bucket has a limit called {@code name}
     */
    public void adjust(String name, long delta) {
        Require.limitName("limit name", name);
        Require.between("adjustment of '" + name + "'", delta, -Limit.MAX_TOKENS, Limit.MAX_TOKENS);
        if (accounts.stream().noneMatch(account -> account.limits.containsKey(name))) {
            throw new IllegalArgumentException("lease has no limit called '" + name + "': its limits are "
                    + limitNames());
        }
        pending.merge(name, delta, Arithmetic::saturatedAdd);
    }

    /** The writes that commit the pending adjustments; empty when they change nothing. */
    public List<BucketAdjustment> pendingAdjustments() {
        List<BucketAdjustment> writes = new ArrayList<>();
        for (Account account : accounts) {
            List<LimitAdjustment> changes = new ArrayList<>();
            for (Map.Entry<String, Long> adjustment : pending.entrySet()) {
                Limit limit = account.limits.get(adjustment.getKey());
                if (limit != null) {
                    long net = account.net(limit.name());
                    addChange(changes, limit, net, settledNet(net, adjustment.getValue()));
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
            for (Map.Entry<String, Long> adjustment : pending.entrySet()) {
                if (account.limits.containsKey(adjustment.getKey())) {
                    long net = account.net(adjustment.getKey());
                    account.net.put(adjustment.getKey(), settledNet(net, adjustment.getValue()));
                }
            }
        }
        pending.clear();
    }

    /** The writes that refund everything charged; empty when nothing was. */
    public List<BucketAdjustment> rollbackAdjustments() {
        List<BucketAdjustment> writes = new ArrayList<>();
        for (Account account : accounts) {
            List<LimitAdjustment> changes = new ArrayList<>();
            for (Map.Entry<String, Long> entry : account.net.entrySet()) {
                addChange(changes, account.limits.get(entry.getKey()), entry.getValue(), 0);
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
            account.net.replaceAll((name, net) -> 0L);
        }
        pending.clear();
    }

    /** Net tokens charged per limit on the first bucket (the lease's own entity). */
    public Map<String, Long> charged() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(accounts.get(0).net));
    }

    private String limitNames() {
        TreeSet<String> names = new TreeSet<>();
        accounts.forEach(account -> names.addAll(account.limits.keySet()));
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

    /** One bucket's limits and net charges. */
    private static final class Account {
        private final BucketKey key;
        private final Map<String, Limit> limits = new LinkedHashMap<>();
        private final Map<String, Long> net = new LinkedHashMap<>();

        Account(Opening opening) {
            this.key = opening.key();
            for (Limit limit : opening.limits()) {
                limits.put(limit.name(), limit);
            }
            for (Map.Entry<String, Long> charge : opening.charged().entrySet()) {
                Require.argument(limits.containsKey(charge.getKey()), "charged limit '" + charge.getKey()
                        + "' is not among the limits of bucket " + key);
                net.put(charge.getKey(), charge.getValue());
            }
        }

        long net(String name) {
            return net.getOrDefault(name, 0L);
        }
    }
}
