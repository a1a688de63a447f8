/**
 * A small web application that the starter's {@code @SpringBootTest}s run: a rate-limited service and controller on a
 * manual clock.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.spring.app;
