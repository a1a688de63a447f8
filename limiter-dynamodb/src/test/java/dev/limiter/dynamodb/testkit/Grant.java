package dev.limiter.dynamodb.testkit;

/**
 * One admitted acquire as a worker process recorded it: the bucket it charged, the wall-clock interval (epoch
 * nanoseconds, from {@code Instant.now()}, one clock for every process on the machine) that encloses the instant it
 * was admitted, and the tokens it took.
 *
 * @param bucket      the entity whose bucket was charged
 * @param startNanos  read just before the acquire was called
 * @param endNanos    read just after it returned; at least {@code startNanos}
 * @param amount      the tokens taken, at least 1
 * @param local       whether the local tier served it from an allowance
 */
public record Grant(String bucket, long startNanos, long endNanos, long amount, boolean local) {

    /** Validates the interval and amount, naming the field. */
    public Grant {
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("grant endNanos " + endNanos + " is before startNanos " + startNanos);
        }
        if (amount < 1) {
            throw new IllegalArgumentException("grant amount must be at least 1, was " + amount);
        }
    }

    /** The same grant charged to {@code other}, for the ancestor a cascade also charged. */
    public Grant onBucket(String other) {
        return new Grant(other, startNanos, endNanos, amount, local);
    }
}
