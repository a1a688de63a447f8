package dev.limiter.dynamodb.usage;

/** How the write of one snapshot key ended. */
sealed interface WriteOutcome {

    /** The snapshot was updated with at least one record of the group. */
    record Written() implements WriteOutcome {
    }

    /** Every record of the group had been applied before; nothing was written. */
    record AlreadyApplied() implements WriteOutcome {
    }

    /** The write failed after the client's retries; no record of the group was applied. */
    record Failed(String reason) implements WriteOutcome {
    }
}
