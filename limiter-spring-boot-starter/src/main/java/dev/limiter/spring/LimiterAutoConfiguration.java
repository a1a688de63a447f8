package dev.limiter.spring;

import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.RateLimiterListener;
import dev.limiter.backend.Backend;
import dev.limiter.memory.InMemoryBackend;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.List;

/**
 * Auto-configures a {@link RateLimiter} from {@code limiter.*} properties on an in-memory or DynamoDB
 * {@link Backend}, unless the application defines its own. Every {@link RateLimiterListener} bean receives the
 * limiter's events; {@link RateLimiterBuilderCustomizer} beans adjust the builder.
 */
@AutoConfiguration
@EnableConfigurationProperties(LimiterProperties.class)
@Import(DynamoDbBackendConfiguration.class)
public class LimiterAutoConfiguration {

    /** Creates the configuration; Spring calls this. */
    public LimiterAutoConfiguration() {
        // Beans only.
    }

    /** The rate limiter, shared by the whole application. */
    @Bean
    @ConditionalOnMissingBean
    public RateLimiter rateLimiter(Backend backend, LimiterProperties properties,
                                   ObjectProvider<RateLimiterListener> listeners,
                                   ObjectProvider<RateLimiterBuilderCustomizer> customizers) {
        RateLimiterBuilder builder = RateLimiter.builder().backend(backend).namespace(properties.getNamespace())
                .configCacheTtl(properties.getConfigCacheTtl()).shadow(properties.isShadow());
        if (properties.getOnUnavailable() != null) {
            builder.onUnavailable(properties.getOnUnavailable());
        }
        List<RateLimiterListener> all = listeners.orderedStream().toList();
        if (all.size() == 1) {
            builder.listener(all.get(0));
        } else if (!all.isEmpty()) {
            builder.listener(new ListenerChain(all));
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * The backend: in-memory by default, DynamoDB with {@code limiter.backend=dynamodb} (which needs
     * {@code dev.limiter:limiter-dynamodb} on the classpath). Closed with the context.
     */
    @Bean
    @ConditionalOnMissingBean
    public Backend limiterBackend(LimiterProperties properties, ObjectProvider<BackendFactory> dynamoDb) {
        if (properties.getBackend() != LimiterProperties.BackendKind.DYNAMODB) {
            return InMemoryBackend.create();
        }
        BackendFactory factory = dynamoDb.getIfAvailable();
        if (factory == null) {
            throw new IllegalStateException("limiter.backend=dynamodb needs dev.limiter:limiter-dynamodb on the"
                    + " classpath; add the dependency or set limiter.backend=in-memory");
        }
        return factory.create();
    }
}
