package dev.limiter.config;

/**
 * Counters of the per-process configuration cache.
 *
 * @param hits          lookups answered from the cache
 * @param misses        lookups that had to load from the store
 * @param loadFailures  loads that failed (not cached)
 * @param evictions     entries removed because the cache was full
 */
public record CacheStats(long hits, long misses, long loadFailures, long evictions) {

    /** Lookups in total. */
    public long requests() {
        return hits + misses;
    }

    /** The fraction of lookups answered from the cache; 1 when there were none. */
    public double hitRate() {
        long requests = requests();
        return requests == 0 ? 1.0 : (double) hits / requests;
    }
}
