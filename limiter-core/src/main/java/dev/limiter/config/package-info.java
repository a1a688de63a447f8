/**
 * Limit configuration: the levels a limit can be set at, per-name resolution, {@code unlimited}, and the
 * per-process cache of stored configurations.
 *
 * <p>Resolution works per limit name, most specific level first: entity+resource, entity default, resource,
 * namespace default, then the limits passed with the request. The first level that mentions a name decides
 * it, either with a {@link dev.limiter.Limit} or by marking it unlimited, which drops the limit inherited from
 * less specific levels.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.config;
