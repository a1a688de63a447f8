package dev.limiter.dynamodb.usage;

import dev.limiter.backend.BucketKey;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

/**
 * The usage one bucket change carries.
 *
 * @param position       the change's index in its batch, to report failures in input order
 * @param bucket         the bucket written
 * @param sequence       the record's sequence number, as a number
 * @param time           the record's approximate creation time
 * @param request        whether the write was an acquire (counts one request)
 * @param deltas         net tokens per limit name, zero deltas left out
 * @param before         the fingerprint of the bucket before the write ({@link AppliedRange#UNKNOWN} for an insert)
 * @param after          the fingerprint of the bucket after the write
 */
record RecordUsage(int position, BucketKey bucket, BigInteger sequence, Instant time, boolean request,
                   Map<String, Long> deltas, String before, String after) {

    RecordUsage {
        deltas = Map.copyOf(deltas);
    }

    /** The key of the snapshot of kind {@code window} this change belongs to. */
    SnapshotKey snapshotKey(UsageWindow window) {
        return new SnapshotKey(bucket, window, window.startOf(time));
    }
}
