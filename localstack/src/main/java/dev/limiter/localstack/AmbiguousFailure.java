package dev.limiter.localstack;

/** How the strict engine fails a request after it has applied it ({@link StrictControl#failAfterApply}). */
public enum AmbiguousFailure {

    /** Close the connection without an answer: the SDK sees an I/O error and retries. */
    DROP("drop"),

    /** Answer HTTP 500 {@code InternalServerError}: the SDK retries it as a server error. */
    HTTP_500("500");

    private final String wire;

    AmbiguousFailure(String wire) {
        this.wire = wire;
    }

    /** Returns the mode as the control API spells it. */
    String wire() {
        return wire;
    }
}
