package dev.limiter.allowance;

import java.util.List;

/**
 * A read-only look at the local tier of one limiter ({@code RateLimiter.localTier()}): the ledger of every allowance
 * it has held, and a way to return expired allowances now.
 */
public interface LocalTierView {

    /** The counters of every (bucket, limit) this tier has reserved for, in no particular order. */
    List<AllowanceCounters> ledger();

    /**
     * Returns to the shared bucket every allowance held for its limit's maximum hold at the limiter's clock's now,
     * and waits for the refunds to be written. The daemon sweeper does the same periodically; with a manual clock
     * this makes expiry deterministic.
     */
    void sweep();

    /** How many reservations (backend charges made for the tier) this tier has made. */
    long reservations();
}
