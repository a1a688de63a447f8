package dev.limiter.provision;

/**
 * Applying a plan stopped part way. The changes before {@link #applied()} are in the table; planning again against
 * the table and applying converges, since every change is a whole-item write or delete.
 */
public final class ApplyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int applied;
    private final int total;

    /** Creates the exception after {@code applied} of {@code total} changes. */
    public ApplyException(int applied, int total, Throwable cause) {
        super("apply stopped after " + applied + " of " + total + " changes: " + cause.getMessage()
                + "; run plan and apply again to converge", cause);
        this.applied = applied;
        this.total = total;
    }

    /** Changes completed before the failure. */
    public int applied() {
        return applied;
    }

    /** Changes in the plan. */
    public int total() {
        return total;
    }
}
