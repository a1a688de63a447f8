/**
 * Actuator support: a health indicator (is the limiter's table reachable and active) and the {@code limiter}
 * endpoint, which explains the limits of an entity and resource.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.spring.actuate;
