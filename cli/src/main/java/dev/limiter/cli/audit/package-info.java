/**
 * {@code limiter audit}: lists the audit trail of a namespace, newest first, filtered by time, address and actor,
 * as a table or JSON. Nothing is null unless an {@code Optional} is returned.
 */
package dev.limiter.cli.audit;
