package dev.limiter.dynamodb.usage;

import dev.limiter.backend.BucketKey;
import dev.limiter.dynamodb.schema.ItemKey;

import java.time.Instant;

/**
 * Identifies one snapshot item: a bucket's usage in one window.
 *
 * @param bucket the bucket (namespace, entity, resource)
 * @param window hourly or daily
 * @param start  the window start
 */
record SnapshotKey(BucketKey bucket, UsageWindow window, Instant start) {

    /** The item's primary key. */
    ItemKey itemKey() {
        return new ItemKey(UsageItems.pk(bucket.namespace(), bucket.entity()),
                UsageItems.sk(window, start, bucket.resource()));
    }

    /** The window end, exclusive. */
    Instant end() {
        return start.plus(window.length());
    }
}
