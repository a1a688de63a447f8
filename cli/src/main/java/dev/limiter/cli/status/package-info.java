/**
 * {@code limiter explain} and {@code limiter acquire}: what limits apply to an entity and resource and the live
 * state of their buckets, and one manual acquire to probe them.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.status;
