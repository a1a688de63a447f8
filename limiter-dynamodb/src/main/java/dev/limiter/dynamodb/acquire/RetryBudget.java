package dev.limiter.dynamodb.acquire;

import dev.limiter.internal.Require;

import java.time.Duration;

/**
 * How often, and how long apart, the backend resends a write that DynamoDB refused without applying it, by cause:
 *
 * <ul>
 *   <li><b>Throttling</b> of a key (after the SDK's own retries gave up, or a {@code ThrottlingError} reason in a
 *       transaction): retry {@code n} (from 1) waits a uniform draw from {@code [d/2, d]} with
 *       {@code d = min(cap, base·2^(n−1))}, at most {@code retries} times. Load needs time to drain, so the steps
 *       grow; past the budget the key is rejected as over DynamoDB's rate.</li>
 *   <li><b>Conflicts</b> ({@code TransactionConflictException}, {@code TransactionConflict} reasons): the same steps,
 *       but never longer than {@code conflictCap}, at most {@code conflictRetries} times. An item is held only while
 *       one transaction runs, so waiting longer than about one transaction buys nothing, and a writer whose steps
 *       had grown long would keep losing the item to writers of other processes that poll at their first, short
 *       steps (with 500 ms steps against holds of ~250 ms, the oldest writer of a hot parent lost every race until
 *       its budget ran out: issue 9, part C). Past the budget DynamoDB is unavailable for the write.</li>
 * </ul>
 *
 * <p>The SDK retries neither kind of conflict (it does not list {@code TransactionConflict*} as retryable), so this
 * budget alone bounds them; throttling of single writes is retried by both layers, so a write to a key that stays
 * throttled is sent {@code SDK attempts × (retries + 1)} times.
 *
 * @param base            the first step; positive
 * @param cap             the longest step for throttling; at least {@code base}
 * @param retries         resends after throttling, 0 to 100
 * @param conflictCap     the longest step for conflicts; positive (steps stay below {@code cap} too)
 * @param conflictRetries resends after conflicts, 0 to 100
 */
public record RetryBudget(Duration base, Duration cap, int retries, Duration conflictCap, int conflictRetries) {

    /**
     * The default: 25 ms doubling to 500 ms, 10 retries for throttling (at most about 3.3 s of waiting in all);
     * steps up to 100 ms, 30 retries for conflicts (at most about 2.9 s, about 2.2 s on average).
     */
    public static final RetryBudget DEFAULT = new RetryBudget(Duration.ofMillis(25), Duration.ofMillis(500), 10,
            Duration.ofMillis(100), 30);

    /** Validates the fields, naming the one that breaks its rule. */
    public RetryBudget {
        positive("base", base);
        positive("cap", cap);
        Require.argument(cap.compareTo(base) >= 0, "cap " + cap + " must be at least base " + base);
        positive("conflictCap", conflictCap);
        retries("retries", retries);
        retries("conflictRetries", conflictRetries);
    }

    /** A copy with steps from {@code newBase} doubling up to {@code newCap} (conflict steps stay within both). */
    public RetryBudget withBackoff(Duration newBase, Duration newCap) {
        return new RetryBudget(newBase, newCap, retries, conflictCap, conflictRetries);
    }

    /** A copy that resends up to {@code count} times for either cause. */
    public RetryBudget withRetries(int count) {
        return new RetryBudget(base, cap, count, conflictCap, count);
    }

    /** A copy whose conflict retries step at most {@code newCap} apart, up to {@code count} times. */
    public RetryBudget withConflicts(Duration newCap, int count) {
        return new RetryBudget(base, cap, retries, newCap, count);
    }

    /** Whether resend number {@code retry} (from 1) after a refusal of kind {@code kind} is within the budget. */
    boolean allows(WriteFailure kind, int retry) {
        return retry <= (kind == WriteFailure.CONFLICT ? conflictRetries : retries);
    }

    /** The step of resend {@code retry} (from 1) after {@code kind}, before jitter. */
    long stepNanos(WriteFailure kind, int retry) {
        long capNanos = cap.toNanos();
        if (kind == WriteFailure.CONFLICT) {
            capNanos = Math.min(capNanos, conflictCap.toNanos());
        }
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long step = base.toNanos() << shift;
        return step <= 0 || step > capNanos ? capNanos : step;
    }

    private static void positive(String field, Duration value) {
        Require.nonNull(field, value);
        Require.argument(!value.isNegative() && !value.isZero(), field + " must be positive, got " + value);
    }

    private static void retries(String field, int value) {
        Require.argument(value >= 0 && value <= 100, field + " must be between 0 and 100, got " + value);
    }
}
