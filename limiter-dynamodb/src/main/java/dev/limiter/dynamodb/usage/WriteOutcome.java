package dev.limiter.dynamodb.usage;

/** How the write of one snapshot key ended. */
sealed interface WriteOutcome {

    /**
     * The snapshot was updated with at least one record of the group.
     *
     * @param gaps   stretches of the bucket's records the snapshot still lacks after the write
     * @param sealed gaps this write closed without their records, to bound the item's size
     */
    record Written(int gaps, int sealed) implements WriteOutcome {
    }

    /** Every record of the group had been applied before; nothing was written. */
    record AlreadyApplied() implements WriteOutcome {
    }

    /** The write failed after the client's retries; no record of the group was applied. */
    record Failed(String reason) implements WriteOutcome {
    }
}
