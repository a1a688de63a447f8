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
     * @param entity    whose bucket
     * @param limits    the effective limits with their state
     * @param unlimited limit names resolved to unlimited, with the level that said so
     */
    public record Bucket(String entity, List<LimitExplanation> limits, Map<String, ConfigLevel> unlimited) {
        /** Copies the collections. */
        public Bucket {
            limits = List.copyOf(limits);
            unlimited = Map.copyOf(unlimited);
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
     */
    public record LimitExplanation(Limit limit, ConfigLevel source, long available, Duration timeToFull,
                                   long consumed) {
        /** Tokens owed: how far below zero the bucket is, or 0. */
        public long debt() {
            return Math.max(0, -available);
        }
    }
}
