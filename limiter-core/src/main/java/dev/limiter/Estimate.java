package dev.limiter;

import java.time.Duration;
import java.util.List;

/**
 * What {@link RateLimiter#check} found: whether an acquire of the request would be granted now and, if not, the
 * exact time until it would be (if nothing else is charged meanwhile). Nothing was written. Like Bucket4j's
 * {@code estimateAbilityToConsume}: a hint, not a reservation; another client may take the tokens first.
 *
 * @param entity     the entity of the request
 * @param resource   the resource of the request
 * @param allowed    whether every enforced limit would admit the request now
 * @param retryAfter zero when allowed; else the exact time until every enforced limit would admit it
 * @param violations the statuses of the enforced limits that would reject the request
 * @param statuses   the statuses of every limit the request would be charged against, available tokens before the
 *                   charge; shadow limits that would not admit it show {@link LimitStatus#shadowRejected()}
 */
public record Estimate(String entity, String resource, boolean allowed, Duration retryAfter,
                       List<LimitStatus> violations, List<LimitStatus> statuses) {

    /** Copies the lists. */
    public Estimate {
        violations = List.copyOf(violations);
        statuses = List.copyOf(statuses);
    }
}
