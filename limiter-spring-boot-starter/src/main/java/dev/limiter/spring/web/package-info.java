/**
 * HTTP support for servlet applications: rejections answered with 429, {@code Retry-After} and the IETF
 * {@code RateLimit} / {@code RateLimit-Policy} fields; granted {@link dev.limiter.spring.RateLimited} calls get the
 * same fields.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.spring.web;
