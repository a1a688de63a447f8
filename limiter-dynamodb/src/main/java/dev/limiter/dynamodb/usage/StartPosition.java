package dev.limiter.dynamodb.usage;

/** Where a {@link StreamPoller} starts reading the shards that exist when it first polls. */
public enum StartPosition {

    /**
     * The oldest record still in the stream (up to 24 hours back). Safe to repeat: the snapshots' applied runs skip
     * every record applied before, by this poller or by the Lambda.
     */
    TRIM_HORIZON,
    /** Only records written after the first poll; closed shards are skipped. */
    LATEST
}
