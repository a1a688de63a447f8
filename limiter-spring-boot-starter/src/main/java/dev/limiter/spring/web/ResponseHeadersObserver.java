package dev.limiter.spring.web;

import dev.limiter.Lease;
import dev.limiter.spring.LeaseObserver;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Adds {@code RateLimit-Policy} and {@code RateLimit} to the current servlet response when a
 * {@link dev.limiter.spring.RateLimited} call is granted on a request thread; does nothing elsewhere, for a degraded
 * lease (it has no statuses), or once the response is committed. With several such calls in one request the last
 * one's fields win.
 */
final class ResponseHeadersObserver implements LeaseObserver {

    @Override
    public void granted(Lease lease) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet) || lease.statuses().isEmpty()) {
            return;
        }
        HttpServletResponse response = servlet.getResponse();
        if (response == null || response.isCommitted()) {
            return;
        }
        response.setHeader(RateLimitHeaders.POLICY, RateLimitHeaders.policy(lease.entity(), lease.statuses()));
        response.setHeader(RateLimitHeaders.LIMIT, RateLimitHeaders.limit(lease.entity(), lease.statuses()));
    }
}
