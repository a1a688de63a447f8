package dev.limiter.config;

import dev.limiter.OnUnavailable;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stored limit configurations of every namespace; part of the backend SPI.
 *
 * <p>Implementations are thread-safe. Methods never throw; failures complete the future, storage failures with
 * {@link dev.limiter.RateLimiterUnavailableException}.
 */
public interface ConfigStore {

    /** The configuration stored at {@code scope} in {@code namespace}, if any. */
    CompletableFuture<Optional<LimitConfig>> get(String namespace, ConfigScope scope);

    /** Stores {@code config} at {@code scope}, replacing what was there. */
    CompletableFuture<Void> put(String namespace, ConfigScope scope, LimitConfig config);

    /** Removes the configuration at {@code scope}; completes with whether one existed. */
    CompletableFuture<Boolean> delete(String namespace, ConfigScope scope);

    /** Every configuration stored in {@code namespace}. */
    CompletableFuture<Map<ConfigScope, LimitConfig>> list(String namespace);

    /** The on-unavailable policy {@code namespace} declares, if it declares one. */
    CompletableFuture<Optional<OnUnavailable>> onUnavailable(String namespace);

    /** Declares the on-unavailable policy of {@code namespace}. */
    CompletableFuture<Void> putOnUnavailable(String namespace, OnUnavailable policy);
}
