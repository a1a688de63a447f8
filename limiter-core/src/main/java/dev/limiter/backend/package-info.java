/**
 * The backend service-provider interface: what a storage engine implements so that {@link dev.limiter.RateLimiter}
 * can run on it. The SPI is asynchronous only and made of immutable records; backends do the bucket math with
 * {@link dev.limiter.bucket} so that every backend has one semantics, checked by the contract test kit shipped in
 * limiter-core's test-jar ({@code dev.limiter.testkit}).
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.backend;
