package dev.limiter;

import java.util.Objects;

/**
 * The backend could not be reached or kept failing (throttling, server errors, timeouts) after its retries, and
 * the {@link OnUnavailable} policy is {@link OnUnavailable#BLOCK}. Always has a cause.
 */
public final class RateLimiterUnavailableException extends RateLimiterException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code cause} is the backend failure. */
    public RateLimiterUnavailableException(String message, Throwable cause) {
        super(message, Objects.requireNonNull(cause, "cause"));
    }
}
