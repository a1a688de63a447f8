package dev.limiter.spring.web;

import dev.limiter.spring.LeaseObserver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * HTTP support in servlet web applications with Spring MVC: {@link RateLimitExceptionHandler},
 * {@link RateLimitFilter} (early in the chain, so it also catches rejections raised by later filters) and
 * {@code RateLimit} headers on granted {@link dev.limiter.spring.RateLimited} calls. Off with
 * {@code limiter.web.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "limiter.web", name = "enabled", matchIfMissing = true)
public class LimiterWebAutoConfiguration {

    /** The filter's position: early, but after filters that set up the request (encoding, tracing). */
    public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    /** Creates the configuration; Spring calls this. */
    public LimiterWebAutoConfiguration() {
        // Beans only.
    }

    /** Answers rejections raised in controllers. */
    @Bean
    @ConditionalOnMissingBean
    public RateLimitExceptionHandler rateLimitExceptionHandler() {
        return new RateLimitExceptionHandler();
    }

    /** Answers rejections that escape the rest of the filter chain. */
    @Bean
    @ConditionalOnMissingBean(name = "rateLimitFilter")
    public FilterRegistrationBean<RateLimitFilter> rateLimitFilter() {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter());
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    /** Adds {@code RateLimit} headers to responses of granted calls. */
    @Bean
    public LeaseObserver rateLimitResponseHeaders() {
        return new ResponseHeadersObserver();
    }
}
