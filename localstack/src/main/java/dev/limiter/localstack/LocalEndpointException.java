package dev.limiter.localstack;

/**
 * Thrown when a local endpoint cannot be started, reached, saved or loaded.
 *
 * <p>The message says what failed and, where known, how to fix it (for example how to install
 * {@code moto_server}) and the tail of the process output.
 */
public final class LocalEndpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message only.
     *
     * @param message what failed and how to fix it
     */
    public LocalEndpointException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and its cause.
     *
     * @param message what failed and how to fix it
     * @param cause the underlying failure
     */
    public LocalEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
