package dev.limiter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Shields the limiter from its listener: exceptions are logged and never change a decision. */
final class SafeListener implements RateLimiterListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final RateLimiterListener delegate;

    SafeListener(RateLimiterListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onGranted(Lease lease, Duration latency) {
        guard("onGranted", () -> delegate.onGranted(lease, latency));
    }

    @Override
    public void onRejected(Decision.Rejected rejection, Duration latency) {
        guard("onRejected", () -> delegate.onRejected(rejection, latency));
    }

    @Override
    public void onUnavailable(String entity, String resource, OnUnavailable policy, Throwable cause) {
        guard("onUnavailable", () -> delegate.onUnavailable(entity, resource, policy, cause));
    }

    @Override
    public void onBackendCall(String operation, Duration latency, boolean failed) {
        guard("onBackendCall", () -> delegate.onBackendCall(operation, latency, failed));
    }

    @Override
    public void onCacheLookup(boolean hit) {
        guard("onCacheLookup", () -> delegate.onCacheLookup(hit));
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("rate limiter listener {} failed in {}", delegate.getClass().getName(), event, e);
        }
    }
}
