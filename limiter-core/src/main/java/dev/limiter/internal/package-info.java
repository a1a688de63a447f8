/**
 * Internals shared across the packages of limiter-core and its backends: argument checks, future
 * unwrapping and overflow-safe integer arithmetic. No compatibility promise is made for anything here.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.internal;
