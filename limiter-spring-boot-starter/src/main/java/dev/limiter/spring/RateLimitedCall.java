package dev.limiter.spring;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionException;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@link RateLimited} method with its expressions parsed once: builds the {@link AcquireRequest} of a call.
 * Immutable and thread-safe. Errors name the method and the attribute.
 */
final class RateLimitedCall {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Method method;
    private final Expression entity;
    private final Expression resource;
    private final List<String> limits;
    private final List<Expression> amounts;
    private final Optional<Duration> maxWait;
    private final boolean refundOnFailure;

    private RateLimitedCall(Method method, RateLimited annotation) {
        this.method = method;
        this.entity = parse("entity", annotation.entity());
        this.resource = parse("resource", annotation.resource());
        this.limits = new ArrayList<>();
        this.amounts = new ArrayList<>();
        for (RateLimited.Consume consume : annotation.consume()) {
            limits.add(consume.limit());
            amounts.add(parse("consume.amount of '" + consume.limit() + "'", consume.amount()));
        }
        this.maxWait = parseWait(annotation.maxWait());
        this.refundOnFailure = annotation.refundOnFailure();
    }

    /**
     * Parses {@code annotation} of {@code method}.
     *
     * @throws IllegalStateException naming the method and attribute if an expression or the wait does not parse
     */
    static RateLimitedCall of(Method method, RateLimited annotation) {
        return new RateLimitedCall(method, annotation);
    }

    /** The request for a call with {@code args} on {@code target}, with {@code requestLimits} attached. */
    AcquireRequest request(Object target, Object[] args, BeanResolver beans, List<Limit> requestLimits) {
        MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(
                new Root(method, args, target), method, args, NAMES);
        context.setBeanResolver(beans);
        AcquireRequest request;
        try {
            request = AcquireRequest.of(text("entity", entity, context), text("resource", resource, context));
            for (int i = 0; i < limits.size(); i++) {
                request = request.consume(limits.get(i), amount(limits.get(i), amounts.get(i), context));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where() + ": " + e.getMessage(), e);
        }
        return requestLimits.isEmpty() ? request : request.withLimits(requestLimits.toArray(Limit[]::new));
    }

    /** How long a call may wait for tokens, if at all. */
    Optional<Duration> maxWait() {
        return maxWait;
    }

    /** Whether a failed call is refunded. */
    boolean refundOnFailure() {
        return refundOnFailure;
    }

    private String text(String attribute, Expression expression, EvaluationContext context) {
        Object value = evaluate(attribute, expression, context);
        if (value == null) {
            throw new IllegalArgumentException(attribute + " '" + expression.getExpressionString()
                    + "' evaluated to null");
        }
        return value.toString();
    }

    private long amount(String limit, Expression expression, EvaluationContext context) {
        Object value = evaluate("consume.amount of '" + limit + "'", expression, context);
        if (value instanceof Number number && number.doubleValue() == number.longValue()) {
            return number.longValue();
        }
        throw new IllegalArgumentException("consume.amount of '" + limit + "' '" + expression.getExpressionString()
                + "' evaluated to " + value + ": must be a whole number");
    }

    private Object evaluate(String attribute, Expression expression, EvaluationContext context) {
        try {
            return expression.getValue(context);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(attribute + " '" + expression.getExpressionString()
                    + "' failed: " + e.getMessage(), e);
        }
    }

    private Expression parse(String attribute, String text) {
        try {
            return PARSER.parseExpression(text);
        } catch (ExpressionException e) {
            throw new IllegalStateException(where() + ": " + attribute + " '" + text + "' is not a valid SpEL"
                    + " expression: " + e.getMessage(), e);
        }
    }

    private Optional<Duration> parseWait(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            Duration wait = DurationStyle.detectAndParse(text.trim());
            if (wait.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return Optional.of(wait);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where() + ": maxWait '" + text + "' is not a duration of zero or more"
                    + " (write 2s, 500ms or PT2S)", e);
        }
    }

    private String where() {
        return "@RateLimited on " + method.getDeclaringClass().getName() + "." + method.getName();
    }

    /**
     * The SpEL root object: {@code #root.method}, {@code #root.args}, {@code #root.target}.
     *
     * @param method the annotated method
     * @param args   the call's arguments
     * @param target the bean called
     */
    record Root(Method method, Object[] args, Object target) {
    }
}
