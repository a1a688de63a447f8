package dev.limiter.dynamodb.acquire;

import dev.limiter.Limit;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

import java.util.List;
import java.util.Set;

/**
 * What a failed write means for retrying it. DynamoDB applied nothing in the transient cases: a transaction held an
 * item ({@link #CONFLICT}), or the key or table was over its throughput ({@link #THROTTLED}); both are retried within
 * the {@link Backoff} budget. Everything else is either a decision (a failed condition, handled by the callers) or
 * a failure that makes DynamoDB unavailable (5xx, timeouts, a dead endpoint, an account-level request limit).
 */
enum WriteFailure {

    /** An item was held by an in-flight transaction. */
    CONFLICT,
    /** The partition key (or the table) was over its write throughput. */
    THROTTLED,
    /** Anything else. */
    OTHER;

    /**
     * DynamoDB's write throughput of one partition key (1,000 write units per second), as the limit a throttled
     * bucket's rejection names: the violation says the key is over DynamoDB's rate, not over a configured limit.
     */
    static final Limit KEY_WRITE_RATE = Limit.perSecond("dynamodb.key-write-rate", 1000);

    /** Error codes of throttling that concerns the keys written (the SDK retried these before giving up). */
    private static final Set<String> KEY_THROTTLING = Set.of("ThrottlingException",
            "ProvisionedThroughputExceededException");
    /** Cancellation reason codes of a throttled transaction item. */
    private static final Set<String> THROTTLED_REASONS = Set.of("ThrottlingError", "ProvisionedThroughputExceeded");
    /** Cancellation reason code of an item held by another transaction. */
    static final String CONFLICT_REASON = "TransactionConflict";

    /** The kind of a failed single-item write. */
    static WriteFailure of(Throwable cause) {
        if (cause instanceof TransactionConflictException) {
            return CONFLICT;
        }
        if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                && KEY_THROTTLING.contains(service.awsErrorDetails().errorCode())) {
            return THROTTLED;
        }
        return OTHER;
    }

    /** The kind of one cancellation reason of a transaction. */
    static WriteFailure ofReason(CancellationReason reason) {
        String code = String.valueOf(reason.code());
        if (code.equals(CONFLICT_REASON)) {
            return CONFLICT;
        }
        return THROTTLED_REASONS.contains(code) ? THROTTLED : OTHER;
    }

    /**
     * The kind of a cancelled transaction without failed conditions: throttled if any item was throttled, else a
     * conflict if any item was held, else other. Throttling wins because it decides what happens past the budget.
     */
    static WriteFailure ofTransaction(TransactionCanceledException canceled) {
        if (!canceled.hasCancellationReasons()) {
            return OTHER;
        }
        List<CancellationReason> reasons = canceled.cancellationReasons();
        boolean conflict = false;
        for (CancellationReason reason : reasons) {
            WriteFailure kind = ofReason(reason);
            if (kind == THROTTLED) {
                return THROTTLED;
            }
            conflict |= kind == CONFLICT;
        }
        return conflict ? CONFLICT : OTHER;
    }

    /**
     * Whether DynamoDB refused the write as invalid for the item, e.g. an update of a list element of a list the item
     * no longer has (deleted behind this process's back): the writer should forget what it knew of the item.
     */
    static boolean isInvalidForItem(Throwable cause) {
        return cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                && "ValidationException".equals(service.awsErrorDetails().errorCode());
    }

    /** Whether the write may be retried within the backoff budget. */
    boolean isTransient() {
        return this != OTHER;
    }
}
