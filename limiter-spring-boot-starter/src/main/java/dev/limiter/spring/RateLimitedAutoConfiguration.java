package dev.limiter.spring;

import dev.limiter.RateLimiter;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * Applies {@link RateLimited} to Spring beans through an infrastructure advisor, so it works with and without AspectJ
 * on the classpath (Spring Boot's AOP auto-configuration registers an auto-proxy creator either way). Off with
 * {@code limiter.annotations.enabled=false}.
 */
@AutoConfiguration(after = AopAutoConfiguration.class)
@ConditionalOnProperty(prefix = "limiter.annotations", name = "enabled", matchIfMissing = true)
public class RateLimitedAutoConfiguration {

    /** Creates the configuration; Spring calls this. */
    public RateLimitedAutoConfiguration() {
        // Beans only.
    }

    /** The advisor that runs {@link RateLimited} methods under a lease. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    public static Advisor rateLimitedAdvisor(ObjectProvider<RateLimiter> limiter,
                                             ObjectProvider<LimiterProperties> properties,
                                             ObjectProvider<LeaseObserver> observers, BeanFactory beanFactory) {
        AnnotationMatchingPointcut pointcut = new AnnotationMatchingPointcut(null, RateLimited.class, true);
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut,
                new RateLimitedInterceptor(limiter, properties, observers, beanFactory));
        advisor.setOrder(0);
        return advisor;
    }
}
