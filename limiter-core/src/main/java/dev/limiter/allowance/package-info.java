/**
 * The local tier: a {@link dev.limiter.backend.Backend} decorator that grants acquires on limits with a
 * {@link dev.limiter.LocalAllowance} from tokens reserved in batches from the shared bucket, without I/O.
 * Enabled with {@link dev.limiter.RateLimiterBuilder#localTier}; only {@link LocalTierView} and
 * {@link AllowanceCounters} are for users, everything else is internal.
 */
package dev.limiter.allowance;
