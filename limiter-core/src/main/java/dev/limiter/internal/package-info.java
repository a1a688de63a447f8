/**
 * Internals shared across the packages of limiter-core and its backends: argument checks, future
 * unwrapping, overflow-safe integer arithmetic, the TTL cache, and {@link dev.limiter.internal.LocalBuckets}, through
 * which the limiter charges a backend that keeps its buckets in this process without the asynchronous SPI. No
 * compatibility promise is made for anything here.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.internal;
