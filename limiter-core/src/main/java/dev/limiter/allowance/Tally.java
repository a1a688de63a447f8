package dev.limiter.allowance;

import dev.limiter.backend.BucketKey;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The running ledger of one (bucket, limit) in one tier; shared by every pool whose charges include the bucket, so
 * atomic. {@code held} is derived: {@code reserved - returned - returnsFailed - granted}.
 */
final class Tally {

    final BucketKey key;
    final String limitName;
    final AtomicLong reserved = new AtomicLong();
    final AtomicLong granted = new AtomicLong();
    final AtomicLong returned = new AtomicLong();
    final AtomicLong returnsFailed = new AtomicLong();

    Tally(BucketKey key, String limitName) {
        this.key = key;
        this.limitName = limitName;
    }

    AllowanceCounters counters() {
        long r = reserved.get();
        long g = granted.get();
        long back = returned.get();
        long failed = returnsFailed.get();
        return new AllowanceCounters(key, limitName, r, g, back, failed, r - back - failed - g);
    }

    /** A key for the tally map. */
    record Id(BucketKey key, String limitName) {
    }
}
