package dev.limiter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Tokens taken by a granted acquire, held until the work is done: adjust by what was really used, then commit,
 * or roll back to refund everything. Closing an open lease commits it, so try-with-resources settles it:
 *
 * <pre>{@code
 * try (Lease lease = limiter.acquire(req)) {
 *     Answer a = llm.call();
 *     lease.adjust("tpm", a.totalTokens() - 500);
 * }
 * }</pre>
 *
 * <p>Adjustments are kept locally and written when the lease commits: one write per charged bucket, none when
 * nothing changed. A lease settles once; adjusting, committing or rolling back a settled lease throws
 * {@link IllegalStateException}, while closing it again does nothing. Thread-safe.
 */
public interface Lease extends AutoCloseable {

    /** A unique id, also used by backends as an idempotency token. */
    String id();

    /** The entity the lease was acquired for. */
    String entity();

    /** The resource the lease was acquired for. */
    String resource();

    /** Net tokens charged so far per limit name on the lease's own entity, pending adjustments excluded. */
    Map<String, Long> charged();

    /**
     * The state of every limit charged at grant time, after the charge, followed by the shadow limits that would
     * have rejected the acquire (not charged; {@link LimitStatus#shadowRejected()}).
     */
    List<LimitStatus> statuses();

    /**
     * The statuses of the shadow limits that would have rejected this acquire had they been enforced (see
     * {@link Limit#shadow}); they were not charged. Empty when every limit admitted it.
     */
    default List<LimitStatus> shadowRejections() {
        List<LimitStatus> shadowed = new ArrayList<>();
        for (LimitStatus status : statuses()) {
            if (status.shadowRejected()) {
                shadowed.add(status);
            }
        }
        return List.copyOf(shadowed);
    }

    /**
     * Whether the acquire was granted from tokens this process had reserved in advance ({@link LocalTier}) rather
     * than by its own write to the shared bucket; its {@link #statuses()} then say so and their {@code available} is
     * an estimate. Default {@code false}.
     */
    default boolean servedLocally() {
        return false;
    }

    /** Whether the lease can still be adjusted and settled. */
    boolean isOpen();

    /** Whether the lease was granted without the backend under {@link OnUnavailable#ALLOW}; it charges nothing. */
    boolean isDegraded();

    /**
     * Records that {@code delta} more tokens of limit {@code limitName} were used (positive) or fewer (negative),
     * written on commit. Deltas accumulate: on commit the lease's charge for the limit becomes
     * {@code max(0, charged + sum of deltas)}, so refunds are capped at what the lease charged. Positive deltas may
     * drive the bucket into debt, which refill repays; they never fail for rate reasons.
     *
     * @throws IllegalArgumentException if no bucket of this lease has a limit called {@code limitName}
     * @throws IllegalStateException    if the lease was already settled
     */
    void adjust(String limitName, long delta);

    /**
     * Writes pending adjustments and ends the lease.
     *
     * @throws IllegalStateException            if the lease was already settled
     * @throws RateLimiterUnavailableException if the write failed under {@link OnUnavailable#BLOCK}; the lease stays open
     */
    void commit();

    /** {@link #commit()} without blocking; failures complete the future. */
    CompletableFuture<Void> commitAsync();

    /**
     * Refunds everything the lease charged, drops pending adjustments and ends the lease.
     *
     * @throws IllegalStateException            if the lease was already settled
     * @throws RateLimiterUnavailableException if the write failed under {@link OnUnavailable#BLOCK}; the lease stays open
     */
    void rollback();

    /** {@link #rollback()} without blocking; failures complete the future. */
    CompletableFuture<Void> rollbackAsync();

    /**
     * Commits the lease if it is still open; does nothing otherwise.
     *
     * @throws RateLimiterUnavailableException if the commit's write failed under {@link OnUnavailable#BLOCK}; the
     *                                         lease stays open
     */
    @Override
    void close();
}
