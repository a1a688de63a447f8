package dev.limiter.dynamodb.schema;

import dev.limiter.backend.LeaseId;

/**
 * The tokens writes leave in a bucket's {@link Attributes#LAST_TOKEN}: the lease id for an acquire, the lease id with
 * {@value #SETTLEMENT_SUFFIX} for a settlement. Writers use them to recognise their own retried writes; the usage
 * aggregator uses them to count acquires (requests) apart from settlements.
 */
public final class WriteTokens {

    /** Appended to the lease id by settlement writes. */
    public static final String SETTLEMENT_SUFFIX = ":s";

    private WriteTokens() {
    }

    /** The token of the acquire of lease {@code id}. */
    public static String acquire(LeaseId id) {
        return id.toString();
    }

    /** The token of the settlement of lease {@code id}. */
    public static String settlement(LeaseId id) {
        return id + SETTLEMENT_SUFFIX;
    }

    /** Whether {@code token} was left by a settlement rather than an acquire. */
    public static boolean isSettlement(String token) {
        return token.endsWith(SETTLEMENT_SUFFIX);
    }
}
