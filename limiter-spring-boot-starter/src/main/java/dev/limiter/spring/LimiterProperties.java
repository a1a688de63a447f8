package dev.limiter.spring;

import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code limiter.*} properties. Validated when bound: a bad value stops the application with a message naming
 * the property and the rule. A mutable bean because Spring binds and validates it that way; the auto-configuration
 * copies what it needs into immutable limiter settings at start-up.
 */
@ConfigurationProperties(prefix = "limiter")
public class LimiterProperties implements Validator {

    /** Where limits live. */
    public enum BackendKind {
        /** In this process only: tests, demos, single instances. */
        IN_MEMORY,
        /** A DynamoDB table shared by every process (needs dev.limiter:limiter-dynamodb). */
        DYNAMODB
    }

    /** Where limits live: in-memory (this process only) or dynamodb (a table shared by every process). */
    private BackendKind backend = BackendKind.IN_MEMORY;

    /** The namespace every key starts with; [A-Za-z0-9][A-Za-z0-9_.-]*, at most 64 characters. */
    private String namespace = "default";

    /**
     * What acquires do while the backend is unavailable (block or allow). Default: what the namespace declares,
     * else block.
     */
    private OnUnavailable onUnavailable;

    /** How long stored entities and limit configurations are cached in this process; 0 disables the cache. */
    private Duration configCacheTtl = Duration.ofSeconds(60);

    /** Treat every limit as a shadow limit: charge and report would-be rejections, never reject (a dry run). */
    private boolean shadow;

    /**
     * Request-level limits by name, used by @RateLimited when no stored configuration sets a limit
     * of that name (stored limits win, per name).
     */
    private Map<String, LimitProperties> limits = new LinkedHashMap<>();

    /** The DynamoDB backend. */
    @NestedConfigurationProperty
    private final DynamoDbProperties dynamodb = new DynamoDbProperties();

    /** Micrometer metrics. */
    @NestedConfigurationProperty
    private final MetricsProperties metrics = new MetricsProperties();

    /** HTTP responses: 429 for rejections, RateLimit headers. */
    private final Web web = new Web();

    /** The {@code backend} setting. */
    public BackendKind getBackend() {
        return backend;
    }

    /** Sets {@code backend}; see the field for its meaning and default. */
    public void setBackend(BackendKind backend) {
        this.backend = backend;
    }

    /** The {@code namespace} setting. */
    public String getNamespace() {
        return namespace;
    }

    /** Sets {@code namespace}; see the field for its meaning and default. */
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    /** The {@code on-unavailable} setting. */
    public OnUnavailable getOnUnavailable() {
        return onUnavailable;
    }

    /** Sets {@code on-unavailable}; see the field for its meaning and default. */
    public void setOnUnavailable(OnUnavailable onUnavailable) {
        this.onUnavailable = onUnavailable;
    }

    /** The {@code config-cache-ttl} setting. */
    public Duration getConfigCacheTtl() {
        return configCacheTtl;
    }

    /** Sets {@code config-cache-ttl}; see the field for its meaning and default. */
    public void setConfigCacheTtl(Duration configCacheTtl) {
        this.configCacheTtl = configCacheTtl;
    }

    /** The {@code shadow} setting. */
    public boolean isShadow() {
        return shadow;
    }

    /** Sets {@code shadow}; see the field for its meaning and default. */
    public void setShadow(boolean shadow) {
        this.shadow = shadow;
    }

    /** The {@code limits} setting. */
    public Map<String, LimitProperties> getLimits() {
        return limits;
    }

    /** Sets {@code limits}; see the field for its meaning and default. */
    public void setLimits(Map<String, LimitProperties> limits) {
        this.limits = limits;
    }

    /** The {@code dynamodb} setting. */
    public DynamoDbProperties getDynamodb() {
        return dynamodb;
    }

    /** The {@code metrics} setting. */
    public MetricsProperties getMetrics() {
        return metrics;
    }

    /** The {@code web} setting. */
    public Web getWeb() {
        return web;
    }

    /** The request-level limits as core values; call after validation. */
    public List<Limit> requestLimits() {
        List<Limit> result = new ArrayList<>();
        limits.forEach((name, limit) -> result.add(limit.toLimit(name)));
        return result;
    }

    @Override
    public boolean supports(Class<?> type) {
        return LimiterProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        PropertiesValidation.validate((LimiterProperties) target, errors);
    }

    /** One request-level limit: {@code rate} tokens per {@code per}, holding at most {@code burst} (default rate). */
    public static class LimitProperties {

        /** Tokens added per period; at least 1. */
        private long rate;

        /** The refill period, e.g. 1m, 1s, 1h. */
        private Duration per = Duration.ofMinutes(1);

        /** The most tokens available at once; default the rate. */
        private Long burst;

        /** The {@code rate} setting. */
        public long getRate() {
            return rate;
        }

        /** Sets {@code rate}; see the field for its meaning and default. */
        public void setRate(long rate) {
            this.rate = rate;
        }

        /** The {@code per} setting. */
        public Duration getPer() {
            return per;
        }

        /** Sets {@code per}; see the field for its meaning and default. */
        public void setPer(Duration per) {
            this.per = per;
        }

        /** The {@code burst} setting. */
        public Long getBurst() {
            return burst;
        }

        /** Sets {@code burst}; see the field for its meaning and default. */
        public void setBurst(Long burst) {
            this.burst = burst;
        }

        Limit toLimit(String name) {
            return Limit.of(name, burst == null ? rate : burst, rate, per);
        }
    }

    /** The {@code limiter.web.*} properties. */
    public static class Web {

        /** Answer rejections with 429 (and backend outages with 503) and add RateLimit headers to granted responses. */
        private boolean enabled = true;

        /** The {@code enabled} setting. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Sets {@code enabled}; see the field for its meaning and default. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
