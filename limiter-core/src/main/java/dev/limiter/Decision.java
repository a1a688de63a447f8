package dev.limiter;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link RateLimiter#tryAcquire}: a granted lease, or a rejection with the exact time to wait.
 * Use {@code instanceof} patterns:
 *
 * <pre>{@code
 * if (limiter.tryAcquire(req) instanceof Decision.Granted granted) {
 *     try (Lease lease = granted.lease()) { ... }
 * }
 * }</pre>
 */
public sealed interface Decision permits Decision.Granted, Decision.Rejected {

    /** Whether the request was granted. */
    boolean isGranted();

    /**
     * The request was admitted and charged.
     *
     * @param lease the open lease; commit, roll back or close it
     */
    record Granted(Lease lease) implements Decision {
        @Override
        public boolean isGranted() {
            return true;
        }
    }

    /**
     * The request was rejected and nothing was charged.
     *
     * @param entity     the entity of the request
     * @param resource   the resource of the request
     * @param retryAfter the exact time until every violated limit would admit the request
     * @param violations the statuses of the limits that rejected the request
     * @param statuses   the statuses of every limit the request was checked against
     */
    record Rejected(String entity, String resource, Duration retryAfter, List<LimitStatus> violations,
                    List<LimitStatus> statuses) implements Decision {

        /** Copies the lists. */
        public Rejected {
            violations = List.copyOf(violations);
            statuses = List.copyOf(statuses);
        }

        @Override
        public boolean isGranted() {
            return false;
        }

        /** This rejection as the exception the throwing API raises. */
        public RateLimitExceededException toException() {
            return new RateLimitExceededException(this);
        }
    }
}
