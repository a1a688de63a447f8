package dev.limiter.spring.web;

import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.RateLimitExceededException;
import dev.limiter.RateLimiterUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * Answers a {@link RateLimitExceededException} from a controller (for example through
 * {@link dev.limiter.spring.RateLimited}) with 429, {@code Retry-After}, {@code RateLimit-Policy}, {@code RateLimit}
 * and the exception's {@code toMap()} as JSON; an {@link AmountExceedsCapacityException} with 400; a
 * {@link RateLimiterUnavailableException} with 503. Ordered last, so
 * an application's own handler for these exceptions wins. Thread-safe (stateless).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class RateLimitExceptionHandler {

    /** Creates the handler; the auto-configuration registers it. */
    public RateLimitExceptionHandler() {
        // Stateless.
    }

    /** The 429 response for {@code rejection}. */
    @ExceptionHandler(RateLimitExceededException.class)
    public ResponseEntity<Map<String, Object>> rateLimited(RateLimitExceededException rejection) {
        HttpHeaders headers = new HttpHeaders();
        RateLimitResponses.headers(rejection).forEach(headers::set);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).headers(headers)
                .contentType(MediaType.APPLICATION_JSON).body(rejection.toMap());
    }

    /** The 400 response for a request that can never be admitted: it asks for more than a limit's capacity. */
    @ExceptionHandler(AmountExceedsCapacityException.class)
    public ResponseEntity<Map<String, Object>> impossible(AmountExceedsCapacityException impossible) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(RateLimitResponses.capacityBody(impossible));
    }

    /** The 503 response while the limiter's backend is unavailable under {@link dev.limiter.OnUnavailable#BLOCK}. */
    @ExceptionHandler(RateLimiterUnavailableException.class)
    public ResponseEntity<Map<String, Object>> unavailable(RateLimiterUnavailableException outage) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .body(RateLimitResponses.unavailableBody());
    }
}
