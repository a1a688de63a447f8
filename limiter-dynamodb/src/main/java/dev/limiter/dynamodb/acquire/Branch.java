package dev.limiter.dynamodb.acquire;

import dev.limiter.bucket.LimitState;

/** The form a conditional write takes for one limit, chosen from what the writer knows of the bucket. */
sealed interface Branch {

    /** The bucket is (believed) full or absent: overwrite the TAT with {@code now + inc}. */
    record Idle() implements Branch {
    }

    /** The bucket is (believed) busy under the same parameters: add {@code inc} to the TAT. */
    record Busy() implements Branch {
    }

    /**
     * The stored parameters differ from the requested ones: compare-and-set from the exact stored state to the
     * rescaled, charged one.
     *
     * @param stored the exact stored state, under its old parameters
     */
    record Reconcile(LimitState stored) implements Branch {
    }

    Branch IDLE = new Idle();
    Branch BUSY = new Busy();
}
