package dev.limiter.spring.web;

import dev.limiter.spring.LeaseObserver;
import dev.limiter.spring.LimiterAutoConfiguration;
import dev.limiter.spring.RateLimitedAutoConfiguration;
import org.aopalliance.aop.Advice;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

class LimiterWebAutoConfigurationTest {

    private final AutoConfigurations configurations = AutoConfigurations.of(LimiterAutoConfiguration.class,
            RateLimitedAutoConfiguration.class, LimiterWebAutoConfiguration.class);

    @Test
    void servletApplication_default_registersHandlerFilterAndHeaders() {
        new WebApplicationContextRunner().withConfiguration(configurations).run(context -> {
            assertThat(context).hasSingleBean(RateLimitExceptionHandler.class).hasSingleBean(LeaseObserver.class);
            assertThat(context.getBean("rateLimitFilter", FilterRegistrationBean.class).getOrder())
                    .isEqualTo(LimiterWebAutoConfiguration.FILTER_ORDER);
        });
    }

    @Test
    void servletApplication_webDisabled_registersNothingForHttp() {
        new WebApplicationContextRunner().withConfiguration(configurations)
                .withPropertyValues("limiter.web.enabled=false").run(context ->
                        assertThat(context).doesNotHaveBean(RateLimitExceptionHandler.class)
                                .doesNotHaveBean(LeaseObserver.class).doesNotHaveBean("rateLimitFilter"));
    }

    @Test
    void nonWebApplication_default_registersNothingForHttp() {
        new ApplicationContextRunner().withConfiguration(configurations).run(context ->
                assertThat(context).doesNotHaveBean(RateLimitExceptionHandler.class)
                        .hasBean("rateLimitedAdvisor"));
    }

    @Test
    void annotationsDisabled_registersNoAdvisor() {
        new ApplicationContextRunner().withConfiguration(configurations)
                .withPropertyValues("limiter.annotations.enabled=false").run(context ->
                        assertThat(context.getBeansOfType(Advisor.class)).isEmpty());
    }

    @Test
    void advisor_default_runsTheRateLimitedInterceptor() {
        new ApplicationContextRunner().withConfiguration(configurations).run(context -> {
            Advice advice = context.getBean("rateLimitedAdvisor", Advisor.class).getAdvice();
            assertThat(advice.getClass().getSimpleName()).isEqualTo("RateLimitedInterceptor");
        });
    }
}
