package dev.limiter;

/** The root of every exception the limiter throws on purpose; all are unchecked. */
public abstract class RateLimiterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A fast exception without a stack trace, for expected outcomes such as a rejection. */
    protected RateLimiterException(String message) {
        super(message, null, false, false);
    }

    /** An exception with a cause and a stack trace, for failures. */
    protected RateLimiterException(String message, Throwable cause) {
        super(message, cause);
    }
}
