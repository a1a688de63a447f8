package dev.limiter.spring.actuate;

import dev.limiter.RateLimiter;
import dev.limiter.backend.Backend;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.spring.LimiterAutoConfiguration;
import dev.limiter.spring.LimiterProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator support when {@code spring-boot-actuator} is on the classpath: the {@link LimiterEndpoint} (when
 * exposed) and, with {@code limiter.backend=dynamodb}, the {@link DynamoDbTableHealthIndicator} as health
 * contributor {@code limiter} ({@code management.health.limiter.enabled=false} turns it off).
 */
@AutoConfiguration(after = LimiterAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class LimiterActuatorAutoConfiguration {

    /** Creates the configuration; Spring calls this. */
    public LimiterActuatorAutoConfiguration() {
        // Beans only.
    }

    /** The {@code limiter} endpoint. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(RateLimiter.class)
    @ConditionalOnAvailableEndpoint(endpoint = LimiterEndpoint.class)
    public LimiterEndpoint limiterEndpoint(RateLimiter limiter, LimiterProperties properties) {
        return new LimiterEndpoint(limiter, properties.requestLimits());
    }

    /** The health of the DynamoDB table, when the limiter uses one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"dev.limiter.dynamodb.DynamoDbBackend",
            "org.springframework.boot.actuate.health.HealthIndicator"})
    @ConditionalOnProperty(prefix = "limiter", name = "backend", havingValue = "dynamodb")
    @ConditionalOnEnabledHealthIndicator("limiter")
    static class TableHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "limiterHealthIndicator")
        HealthIndicator limiterHealthIndicator(Backend backend, LimiterProperties properties) {
            if (!(backend instanceof DynamoDbBackend dynamoDb)) {
                throw new IllegalStateException("limiter.backend=dynamodb but the Backend bean is a "
                        + backend.getClass().getName() + "; define a limiterHealthIndicator bean or set"
                        + " management.health.limiter.enabled=false");
            }
            return new DynamoDbTableHealthIndicator(dynamoDb, properties.getNamespace());
        }
    }
}
