package dev.limiter.spring;

import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.LimitStatus;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiterListener;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Hands every event to each listener bean in turn. The limiter already shields itself from listener exceptions, but
 * one failing listener would hide the event from the next, so each call is guarded here too.
 */
final class ListenerChain implements RateLimiterListener {

    private final List<RateLimiterListener> listeners;

    ListenerChain(List<RateLimiterListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onGranted(Lease lease, Duration latency) {
        for (RateLimiterListener listener : listeners) {
            guarded(() -> listener.onGranted(lease, latency));
        }
    }

    @Override
    public void onShadowRejected(Lease lease, List<LimitStatus> wouldHaveRejected) {
        for (RateLimiterListener listener : listeners) {
            guarded(() -> listener.onShadowRejected(lease, wouldHaveRejected));
        }
    }

    @Override
    public void onRejected(Decision.Rejected rejection, Duration latency) {
        for (RateLimiterListener listener : listeners) {
            guarded(() -> listener.onRejected(rejection, latency));
        }
    }

    @Override
    public void onUnavailable(String entity, String resource, OnUnavailable policy, Throwable cause) {
        for (RateLimiterListener listener : listeners) {
            guarded(() -> listener.onUnavailable(entity, resource, policy, cause));
        }
    }

    @Override
    public void onBackendCall(String operation, Duration latency, boolean failed) {
        for (RateLimiterListener listener : listeners) {
            guarded(() -> listener.onBackendCall(operation, latency, failed));
        }
    }

    @Override
    public void onCacheLookup(boolean hit) {
        for (RateLimiterListener listener : listeners) {
            guarded(() -> listener.onCacheLookup(hit));
        }
    }

    private static void guarded(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ListenerChain.class).warn("rate limiter listener failed", e);
        }
    }
}
