package dev.limiter.config;

import dev.limiter.Limit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Why an (entity, resource) is limited the way it is: for each bucket an acquire would charge (the entity, then
 * the ancestors it cascades to), the effective limits, the level each came from, and the live bucket state.
 *
 * @param namespace the namespace
 * @param entity    the entity asked about
 * @param resource  the resource asked about
 * @param buckets   the entity's bucket first, then one per cascaded ancestor
 */
public record Explanation(String namespace, String entity, String resource, List<Bucket> buckets) {

    /** Copies the list. */
    public Explanation {
        buckets = List.copyOf(buckets);
    }

    /**
     * One bucket.
     *
     * <p>Request-level limits ({@link dev.limiter.AcquireRequest#withLimits}) rank last, below the namespace
     * defaults: they apply, with source {@link ConfigLevel#REQUEST}, only to names no stored level decides, and only
     * to the entity's own bucket. A request limit whose name a stored level decides is ignored; such names are listed
     * in {@code overriddenRequestLimits} with the stored level that won.
     *
     * @param entity                  whose bucket
     * @param limits                  the effective limits with their state
     * @param unlimited               limit names resolved to unlimited, with the level that said so
     * @param overriddenRequestLimits names of request limits ignored because a stored level decides them, with
     *                                that level; empty when no request was given
     */
    public record Bucket(String entity, List<LimitExplanation> limits, Map<String, ConfigLevel> unlimited,
                         Map<String, ConfigLevel> overriddenRequestLimits) {
        /** Copies the collections. */
        public Bucket {
            limits = List.copyOf(limits);
            unlimited = Map.copyOf(unlimited);
            overriddenRequestLimits = Map.copyOf(overriddenRequestLimits);
        }

        /** A bucket explained without a request: no request limit was overridden. */
        public Bucket(String entity, List<LimitExplanation> limits, Map<String, ConfigLevel> unlimited) {
            this(entity, limits, unlimited, Map.of());
        }
    }

    /**
     * One effective limit and its live state.
     *
     * @param limit      the limit
     * @param source     the level it was resolved from
     * @param available  whole tokens available now; negative while in debt
     * @param timeToFull how long until the bucket is full again
     * @param consumed   net tokens consumed since the bucket was created
     * @param heldLocally tokens of this limit that this process holds reserved for its local tier and has not
     *                    granted yet (already counted as consumed in the shared state); 0 without the tier
     */
    public record LimitExplanation(Limit limit, ConfigLevel source, long available, Duration timeToFull,
                                   long consumed, long heldLocally) {

        /** A limit of which this process holds nothing locally. */
        public LimitExplanation(Limit limit, ConfigLevel source, long available, Duration timeToFull, long consumed) {
            this(limit, source, available, timeToFull, consumed, 0);
        }

        /** Whether the limit is in shadow mode (its own flag or the limiter's): it reports and never rejects. */
        public boolean shadow() {
            return limit.shadow();
        }

        /** Tokens owed: how far below zero the bucket is, or 0. */
        public long debt() {
            return Math.max(0, -available);
        }
    }
}
