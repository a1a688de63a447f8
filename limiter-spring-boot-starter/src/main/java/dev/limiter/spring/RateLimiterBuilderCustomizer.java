package dev.limiter.spring;

import dev.limiter.RateLimiterBuilder;

/**
 * Adjusts the auto-configured {@link RateLimiterBuilder} before the limiter is built, for settings that have no
 * property (clock, executor, lease failure policy). Declare beans of this type; they run in {@code @Order}.
 */
@FunctionalInterface
public interface RateLimiterBuilderCustomizer {

    /** Changes {@code builder} in place. */
    void customize(RateLimiterBuilder builder);
}
