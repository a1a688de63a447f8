package dev.limiter;

/**
 * The thread blocked in {@link RateLimiter#acquire(AcquireRequest, java.time.Duration)} was interrupted while it
 * waited for tokens. Not a rejection: the wait was abandoned (for example because the application is shutting
 * down), so answer it as a cancellation rather than with HTTP 429. Nothing is held: no lease was granted. The
 * thread's interrupt flag is set again before this is thrown. Has a stack trace; the cause is the
 * {@link InterruptedException}.
 */
public final class RateLimiterInterruptedException extends RateLimiterException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String resource;

    /** Creates the exception for a wait of {@code entity} on {@code resource} ended by {@code cause}. */
    public RateLimiterInterruptedException(String entity, String resource, InterruptedException cause) {
        super("interrupted while waiting for tokens of entity '" + entity + "' resource '" + resource + "'", cause);
        this.entity = entity;
        this.resource = resource;
    }

    /** The entity of the abandoned request. */
    public String entity() {
        return entity;
    }

    /** The resource of the abandoned request. */
    public String resource() {
        return resource;
    }
}
