package dev.limiter;

/** What an acquire does when the backend is unavailable. */
public enum OnUnavailable {
    /** Fail with {@link RateLimiterUnavailableException}: never exceed a limit (the default). */
    BLOCK,
    /**
     * Grant a degraded lease ({@link Lease#isDegraded()}) that charges nothing, and report it to the listener:
     * stay up when the limiter's store is down.
     */
    ALLOW
}
