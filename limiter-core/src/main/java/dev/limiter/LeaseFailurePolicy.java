package dev.limiter;

/** What {@code withLease} and {@code withLeaseAsync} do with the lease when the work fails. */
public enum LeaseFailurePolicy {
    /** Refund everything the lease charged (the default): failed work costs nothing. */
    ROLLBACK,
    /** Keep the charge and commit pending adjustments: failed work still counts. */
    COMMIT
}
