package dev.limiter.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Acquires a lease before the annotated method of a Spring bean runs, and settles it after: committed when the
 * method returns (or its {@code CompletionStage} completes), rolled back when it throws (or the stage fails), unless
 * {@link #refundOnFailure()} is {@code false}. A rejection throws {@link dev.limiter.RateLimitExceededException},
 * which the starter answers with HTTP 429 in web applications.
 *
 * <pre>{@code
 * @RateLimited(entity = "#user.id", resource = "'gpt-4o'",
 *              consume = {@RateLimited.Consume(limit = "rpm"),
 *                         @RateLimited.Consume(limit = "tpm", amount = "#prompt.maxTokens")},
 *              maxWait = "2s")
 * public Answer complete(User user, Prompt prompt) { ... }
 * }</pre>
 *
 * <p>The lease is acquired on the calling thread before the method runs, waiting there up to {@link #maxWait()}; for
 * a method declared to return {@code CompletionStage} or {@code CompletableFuture}, a refusal (rejection, capacity,
 * outage) comes as a failed future rather than an exception, and the lease is settled when the stage completes.
 *
 * <p>Expressions are SpEL over the method's arguments: {@code #name} (needs the {@code -parameters} compiler flag,
 * which Spring Boot's build plugins set), {@code #p0}/{@code #a0} by position, {@code #root.method},
 * {@code #root.target}, and {@code @bean} references. Request-level limits come from {@code limiter.limits.*};
 * stored limits of the same name win.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

    /** SpEL for the entity to charge, e.g. {@code #user.id}; must evaluate to a valid entity id. */
    String entity();

    /** SpEL for the resource, e.g. {@code 'gpt-4o'} (a literal in quotes) or {@code #model}. */
    String resource();

    /** What to take; default one token of {@code requests}. */
    Consume[] consume() default {@Consume(limit = "requests")};

    /**
     * How long to wait for tokens before rejecting, e.g. {@code 2s}, {@code 500ms} or {@code PT2S}. Default: no
     * wait, reject at once.
     */
    String maxWait() default "";

    /** Whether a failing method gets its tokens back. Default {@code true}. */
    boolean refundOnFailure() default true;

    /** Tokens of one limit. */
    @Target({})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface Consume {

        /** The limit's name, e.g. {@code rpm}. */
        String limit();

        /** SpEL for the amount, a positive whole number; default {@code 1}. */
        String amount() default "1";
    }
}
