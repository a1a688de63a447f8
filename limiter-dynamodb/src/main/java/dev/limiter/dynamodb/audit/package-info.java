/**
 * The audit trail: every change to limits, entities and settings, whoever makes it (the library's
 * {@code configs()}/{@code entities()}, {@code limiter limits apply}, the provisioner), recorded as an item of the
 * limiter table with who, when, what changed (before and after, flattened to the attributes plans show) and why,
 * expiring through the table's TTL after a retention period. Nothing here runs on the acquire path.
 *
 * <p>Audit items live on their own partition per namespace ({@code ns#AUDIT}), sorted by time, so listing the
 * latest changes is one {@code Query}. Nothing is null unless an {@code Optional} is returned.
 */
package dev.limiter.dynamodb.audit;
