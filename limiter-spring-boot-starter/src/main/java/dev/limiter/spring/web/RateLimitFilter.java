package dev.limiter.spring.web;

import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.RateLimitExceededException;
import dev.limiter.RateLimiterUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns a {@link RateLimitExceededException}, an {@link AmountExceedsCapacityException} or a
 * {@link RateLimiterUnavailableException} that escapes the rest of the filter chain (another filter, a plain servlet,
 * a handler without the exception handler) into the same 429, 400 or 503 response as
 * {@link RateLimitExceptionHandler}, if the response is not committed yet; otherwise rethrows. Thread-safe
 * (stateless).
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /** Creates the filter; the auto-configuration registers it. */
    public RateLimitFilter() {
        // Stateless.
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (response.isCommitted() || !answer(failure, response)) {
                throw failure;
            }
        }
    }

    private static boolean answer(Throwable failure, HttpServletResponse response) throws IOException {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RateLimitExceededException rejection) {
                response.resetBuffer();
                response.setStatus(RateLimitResponses.TOO_MANY_REQUESTS);
                RateLimitResponses.headers(rejection).forEach(response::setHeader);
                write(response, rejection.toMap());
                return true;
            }
            if (cause instanceof AmountExceedsCapacityException impossible) {
                response.resetBuffer();
                response.setStatus(RateLimitResponses.BAD_REQUEST);
                write(response, RateLimitResponses.capacityBody(impossible));
                return true;
            }
            if (cause instanceof RateLimiterUnavailableException) {
                response.resetBuffer();
                response.setStatus(RateLimitResponses.SERVICE_UNAVAILABLE);
                write(response, RateLimitResponses.unavailableBody());
                return true;
            }
        }
        return false;
    }

    private static void write(HttpServletResponse response, Map<String, Object> body) throws IOException {
        byte[] json = RateLimitResponses.json(body).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
