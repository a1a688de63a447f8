package dev.limiter.provision;

/** A saved plan no longer matches the table: something changed the namespace after the plan was made. */
public final class StalePlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the reason. */
    public StalePlanException(String message) {
        super(message);
    }
}
