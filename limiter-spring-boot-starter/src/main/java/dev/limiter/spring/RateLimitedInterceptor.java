package dev.limiter.spring;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Runs {@link RateLimited} methods under a lease. Collaborators are looked up on first use, so that creating the
 * advisor early (as auto-proxy creators do) does not create the limiter early. Thread-safe.
 */
final class RateLimitedInterceptor implements MethodInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitedInterceptor.class);

    private final ObjectProvider<RateLimiter> limiter;
    private final ObjectProvider<LimiterProperties> properties;
    private final ObjectProvider<LeaseObserver> observers;
    private final BeanFactoryResolver beans;
    private final ConcurrentMap<Method, RateLimitedCall> calls = new ConcurrentHashMap<>();
    private volatile List<Limit> requestLimits;

    RateLimitedInterceptor(ObjectProvider<RateLimiter> limiter, ObjectProvider<LimiterProperties> properties,
                           ObjectProvider<LeaseObserver> observers, BeanFactory beanFactory) {
        this.limiter = limiter;
        this.properties = properties;
        this.observers = observers;
        this.beans = new BeanFactoryResolver(beanFactory);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object target = invocation.getThis();
        Method method = target == null ? invocation.getMethod()
                : AopUtils.getMostSpecificMethod(invocation.getMethod(), AopUtils.getTargetClass(target));
        RateLimitedCall call = calls.computeIfAbsent(method, RateLimitedInterceptor::parse);
        AcquireRequest request = call.request(target, invocation.getArguments(), beans, requestLimits());
        Lease lease;
        try {
            lease = acquire(call, request);
        } catch (RateLimiterException refused) {
            if (method.getReturnType().isAssignableFrom(CompletableFuture.class)) {
                return CompletableFuture.failedFuture(refused); // a method that returns a future does not throw
            }
            throw refused;
        }
        observers.orderedStream().forEach(observer -> tell(observer, lease));
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable failure) {
            settleAfterFailure(lease, call, failure);
            throw failure;
        }
        if (result instanceof CompletionStage<?> stage) {
            return stage.whenComplete((value, failure) -> {
                if (failure == null) {
                    lease.close();
                } else {
                    settleAfterFailure(lease, call, failure);
                }
            });
        }
        lease.close();
        return result;
    }

    private Lease acquire(RateLimitedCall call, AcquireRequest request) {
        RateLimiter rateLimiter = limiter.getObject();
        return call.maxWait().isPresent() ? rateLimiter.acquire(request, call.maxWait().get())
                : rateLimiter.acquire(request);
    }

    /** The request-level limits of {@code limiter.limits.*}, converted once: properties are fixed after start-up. */
    private List<Limit> requestLimits() {
        List<Limit> limits = requestLimits;
        if (limits == null) {
            limits = List.copyOf(properties.getObject().requestLimits());
            requestLimits = limits;
        }
        return limits;
    }

    /** An observer that throws must not leave the lease unsettled, so its failure is logged and ignored. */
    private static void tell(LeaseObserver observer, Lease lease) {
        try {
            observer.granted(lease);
        } catch (RuntimeException e) {
            LOG.warn("lease observer {} failed", observer.getClass().getName(), e);
        }
    }

    private static RateLimitedCall parse(Method method) {
        RateLimited annotation = AnnotatedElementUtils.findMergedAnnotation(method, RateLimited.class);
        if (annotation == null) {
            throw new IllegalStateException("no @RateLimited on " + method);
        }
        return RateLimitedCall.of(method, annotation);
    }

    private static void settleAfterFailure(Lease lease, RateLimitedCall call, Throwable failure) {
        if (!lease.isOpen()) {
            return;
        }
        try {
            if (call.refundOnFailure()) {
                lease.rollback();
            } else {
                lease.commit();
            }
        } catch (RuntimeException settleFailure) {
            failure.addSuppressed(settleFailure);
        }
    }
}
