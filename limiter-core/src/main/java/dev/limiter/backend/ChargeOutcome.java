package dev.limiter.backend;

import dev.limiter.internal.Require;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a backend did with a {@link ChargeRequest}.
 *
 * @param granted   whether every charge was admitted and written
 * @param buckets   one snapshot per charged bucket, in request order: the state after the write when granted; the
 *                  state the decision was based on (reconciled to the requested limits) when not
 * @param throttles the buckets whose storage was over the backend's own rate, for a denial caused by throttling
 *                  (then nothing was written); empty otherwise
 * @param judgedAtNanos the stamp the charge was judged (and, when granted, written) at, where the backend knows it;
 *                  later than the request's {@link ChargeRequest#nowNanos} when it resent the charge after a transient
 *                  refusal, stamped with the time that had passed. Empty: judged at the request's stamp, or not known
 *                  which of several sends landed (the request's, the earliest, is then the safe one to assume)
 */
public record ChargeOutcome(boolean granted, List<BucketSnapshot> buckets, List<Throttle> throttles,
                            OptionalLong judgedAtNanos) {

    /** Copies the lists; a granted outcome has no throttles. */
    public ChargeOutcome {
        buckets = List.copyOf(buckets);
        throttles = List.copyOf(throttles);
        Require.argument(!granted || throttles.isEmpty(), "a granted charge cannot be throttled");
        Require.nonNull("judgedAtNanos", judgedAtNanos);
    }

    /** An outcome judged at the request's stamp. */
    public ChargeOutcome(boolean granted, List<BucketSnapshot> buckets, List<Throttle> throttles) {
        this(granted, buckets, throttles, OptionalLong.empty());
    }

    /** An outcome decided by the limits alone, without throttling, at the request's stamp. */
    public ChargeOutcome(boolean granted, List<BucketSnapshot> buckets) {
        this(granted, buckets, List.of());
    }

    /** This outcome, judged at {@code stampNanos}. */
    public ChargeOutcome judgedAt(long stampNanos) {
        return new ChargeOutcome(granted, buckets, throttles, OptionalLong.of(stampNanos));
    }

    /** When the charge of {@code request} was judged: {@link #judgedAtNanos} if known, else the request's stamp. */
    public long judgedAtNanos(ChargeRequest request) {
        return judgedAtNanos.orElse(request.nowNanos());
    }

    /** A denial because the backend throttled {@code throttles}; {@code buckets} as last known. */
    public static ChargeOutcome throttled(List<BucketSnapshot> buckets, List<Throttle> throttles) {
        Require.argument(!throttles.isEmpty(), "a throttled outcome needs at least one throttle");
        return new ChargeOutcome(false, buckets, throttles);
    }
}
