/**
 * The hot path: acquires as one conditional {@code UpdateItem} per bucket (a {@code TransactWriteItems} for a
 * cascade), settlements as one {@code UpdateItem} per changed bucket, decisions from the returned images, never a
 * read.
 *
 * <h2>How one write decides</h2>
 * Per limit the writer picks a branch from what it last saw of the bucket ({@link dev.limiter.dynamodb.acquire.BucketCache}):
 * <ul>
 *   <li><b>busy</b> (TAT ahead of now): {@code SET t = t + :inc} if {@code t BETWEEN :now AND :now + tau - inc}
 *       and the stored parameters equal the requested ones;</li>
 *   <li><b>idle</b> (TAT behind now, or no bucket): {@code SET t = :now + :inc} if
 *       {@code attribute_not_exists(t) OR t <= :now};</li>
 *   <li><b>reconcile</b> (stored parameters differ, i.e. the configuration changed): compare-and-set of the exact old
 *       TAT to the rescaled one.</li>
 * </ul>
 * All limits' conditions are joined with AND, so one write checks and charges every limit of the bucket. On a
 * failed condition DynamoDB returns the old item ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}); the bucket
 * math on that image either proves a rejection, with its exact retry-after, or yields the exact branches for one
 * more attempt (only at idle/busy transitions and configuration changes). Under contention every writer takes the
 * busy branch and DynamoDB serialises the additions: no optimistic-lock retries.
 *
 * <p>Each write also stores a token ({@code l}): the lease id for an acquire, the lease id with a suffix for a
 * settlement, and appends its fingerprint to the bounded list of the bucket's recent tokens
 * ({@link dev.limiter.dynamodb.acquire.RecentTokens}, {@code lt}). A failed condition whose old item lists the
 * writer's own token means an earlier attempt of the same write was applied (an SDK retry after a lost answer), and
 * is treated as success rather than charged again, even after other writers wrote the bucket in between.
 *
 * <h2>Transient refusals</h2>
 * A write DynamoDB refused without applying it, because a transaction held an item or the key was throttled, is
 * resent with jittered exponential backoff within a bounded budget ({@link dev.limiter.dynamodb.acquire.Backoff},
 * classified by {@link dev.limiter.dynamodb.acquire.WriteFailure}). Past the budget a throttled key is a rejection
 * ({@code dynamodb.key-write-rate}), a conflict makes DynamoDB unavailable. Within a process, one transaction at a
 * time touches a cascade's topmost ancestor ({@link dev.limiter.dynamodb.acquire.TransactionGate}).
 *
 * <p>Every write response's {@code Date} header feeds a lower bound of how far the stamping clock runs ahead of
 * DynamoDB's ({@link dev.limiter.dynamodb.acquire.ClockSkew}); past the configured bound, acquires are refused with
 * {@link dev.limiter.ClockSkewException} instead of pushing TATs into the future.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.dynamodb.acquire;
