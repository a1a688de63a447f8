/**
 * A small web application that the starter's {@code @SpringBootTest}s run: a rate-limited service and controller on a
 * manual clock.
 */
package dev.limiter.spring.app;
