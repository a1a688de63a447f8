package dev.limiter.spring.app;

import dev.limiter.spring.RateLimiterBuilderCustomizer;
import dev.limiter.testkit.ManualClock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A web application for the starter's tests; its limiter runs on a manual clock. */
@SpringBootApplication
public class WebTestApplication {

    @Bean
    ManualClock clock() {
        return ManualClock.create();
    }

    @Bean
    RateLimiterBuilderCustomizer manualClock(ManualClock clock) {
        return builder -> builder.clock(clock).sleeper(clock.sleeper());
    }
}
