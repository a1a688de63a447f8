package dev.limiter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Shields the limiter from its listener: exceptions are logged and never change a decision. Written out per event,
 * without lambdas, because it runs on every acquire.
 */
final class SafeListener implements RateLimiterListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final RateLimiterListener delegate;

    SafeListener(RateLimiterListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onGranted(Lease lease, Duration latency) {
        try {
            delegate.onGranted(lease, latency);
        } catch (RuntimeException e) {
            failed("onGranted", e);
        }
    }

    @Override
    public void onShadowRejected(Lease lease, List<LimitStatus> wouldHaveRejected) {
        try {
            delegate.onShadowRejected(lease, wouldHaveRejected);
        } catch (RuntimeException e) {
            failed("onShadowRejected", e);
        }
    }

    @Override
    public void onRejected(Decision.Rejected rejection, Duration latency) {
        try {
            delegate.onRejected(rejection, latency);
        } catch (RuntimeException e) {
            failed("onRejected", e);
        }
    }

    @Override
    public void onUnavailable(String entity, String resource, OnUnavailable policy, Throwable cause) {
        try {
            delegate.onUnavailable(entity, resource, policy, cause);
        } catch (RuntimeException e) {
            failed("onUnavailable", e);
        }
    }

    @Override
    public void onClockSkew(String entity, String resource, ClockSkewException refusal) {
        try {
            delegate.onClockSkew(entity, resource, refusal);
        } catch (RuntimeException e) {
            failed("onClockSkew", e);
        }
    }

    @Override
    public void onBackendCall(String operation, Duration latency, boolean failed) {
        try {
            delegate.onBackendCall(operation, latency, failed);
        } catch (RuntimeException e) {
            failed("onBackendCall", e);
        }
    }

    @Override
    public void onCacheLookup(boolean hit) {
        try {
            delegate.onCacheLookup(hit);
        } catch (RuntimeException e) {
            failed("onCacheLookup", e);
        }
    }

    @Override
    public void onLocalAllowance(LocalAllowanceEvent event) {
        try {
            delegate.onLocalAllowance(event);
        } catch (RuntimeException e) {
            failed("onLocalAllowance", e);
        }
    }

    private void failed(String event, RuntimeException e) {
        LOG.warn("rate limiter listener {} failed in {}", delegate.getClass().getName(), event, e);
    }
}
