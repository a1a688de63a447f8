/**
 * Micrometer metrics for a {@link dev.limiter.RateLimiter}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.micrometer;
