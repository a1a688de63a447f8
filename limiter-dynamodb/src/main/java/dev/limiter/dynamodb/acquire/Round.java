package dev.limiter.dynamodb.acquire;

/**
 * Where a write stands in its retries: {@code attempt} counts plans (a new plan follows a failed condition, with
 * exact branches from the old image), {@code retry} counts resends of a plan that DynamoDB refused for a transient
 * reason (a conflict or throttling; see {@link Backoff}).
 *
 * @param attempt the plan, from 1
 * @param retry   transient retries so far, from 0
 */
record Round(int attempt, int retry) {

    /** The first send of the first plan. */
    static final Round FIRST = new Round(1, 0);

    /** The next plan, after a failed condition. */
    Round nextAttempt() {
        return new Round(attempt + 1, retry);
    }

    /** The same plan resent after a transient refusal. */
    Round nextRetry() {
        return new Round(attempt, retry + 1);
    }

    /**
     * How many requests this one is, from 1: distinct requests get distinct transaction tokens, since a transient
     * refusal applied nothing and a resend must not be mistaken for it.
     */
    int sends() {
        return attempt + retry;
    }
}
