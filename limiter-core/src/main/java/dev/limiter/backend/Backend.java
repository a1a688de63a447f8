package dev.limiter.backend;

import dev.limiter.config.ConfigStore;
import dev.limiter.entity.EntityStore;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Storage for buckets, limit configurations and entities.
 *
 * <p>Contract, checked by the kit in limiter-core's test-jar:
 * <ul>
 *   <li>{@link #charge} is atomic across all buckets and limits of the request: either every charge is admitted
 *       (per {@link dev.limiter.bucket.LimitState#admits}) and written, or nothing is written;</li>
 *   <li>state stored under other parameters is reconciled to the requested limit before it is judged;</li>
 *   <li>{@link #settle} applies every adjustment without an admission check;</li>
 *   <li>returned futures never throw from the method itself; a storage failure completes them with
 *       {@link dev.limiter.RateLimiterUnavailableException}.</li>
 * </ul>
 *
 * <p>Implementations are thread-safe and may be shared by several {@link dev.limiter.RateLimiter} instances.
 * Futures may complete on the backend's own I/O threads.
 */
public interface Backend extends AutoCloseable {

    /** Admits and writes all charges of {@code request}, or none. */
    CompletableFuture<ChargeOutcome> charge(ChargeRequest request);

    /** Applies the adjustments of a settling lease. */
    CompletableFuture<Void> settle(SettleRequest request);

    /** Reads the current state of {@code keys}, in order; absent buckets are {@link dev.limiter.bucket.BucketState#EMPTY}. */
    CompletableFuture<List<BucketSnapshot>> read(List<BucketKey> keys);

    /** The store of limit configurations. */
    ConfigStore configs();

    /** The store of entities. */
    EntityStore entities();

    /** Releases the backend's resources; the default does nothing. */
    @Override
    default void close() {
    }
}
