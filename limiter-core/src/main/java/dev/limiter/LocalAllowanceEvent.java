package dev.limiter;

import dev.limiter.internal.Require;

/**
 * The local tier ({@link LocalTier}) reserved tokens of one limit of one bucket from the shared bucket, or gave
 * unused ones back. Reported to {@link RateLimiterListener#onLocalAllowance}.
 *
 * @param kind     reservation, return, or a return that failed
 * @param entity   the bucket's entity
 * @param resource the bucket's resource
 * @param limit    the limit
 * @param tokens   tokens reserved or returned, at least 1
 * @param reason   why tokens went back, or were to ({@code null} for a reservation)
 */
public record LocalAllowanceEvent(Kind kind, String entity, String resource, Limit limit, long tokens,
                                  ReturnReason reason) {

    /** What happened. */
    public enum Kind {
        /** Tokens were charged to the shared bucket to be granted locally. */
        RESERVED,
        /** Unused reserved tokens were refunded to the shared bucket. */
        RETURNED,
        /**
         * A refund reported as {@link #RETURNED} failed or went unanswered: its tokens stay charged to the shared
         * bucket (admission lost, never gained) until it refills; an unanswered refund may still have landed.
         */
        RETURN_FAILED
    }

    /** Why unused tokens went back. */
    public enum ReturnReason {
        /** They had been held for the limit's {@link LocalAllowance#maxHold}. */
        EXPIRED,
        /** Local demand dropped: nothing asked for them for a while. */
        IDLE,
        /** The limit's parameters changed, so tokens reserved under the old ones are not granted under the new. */
        CHANGED,
        /** The limiter was closed. */
        CLOSED
    }

    /** Validates the components. */
    public LocalAllowanceEvent {
        Require.nonNull("kind", kind);
        Require.nonNull("entity", entity);
        Require.nonNull("resource", resource);
        Require.nonNull("limit", limit);
        if (tokens < 1) {
            throw new IllegalArgumentException("a local allowance event moves at least 1 token, got " + tokens);
        }
        Require.argument((kind != Kind.RESERVED) == (reason != null),
                "a return has a reason and a reservation has none; got " + kind + " with reason " + reason);
    }
}
