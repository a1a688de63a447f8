package dev.limiter.benchmarks;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.DynamoDbBackend;

import java.time.Duration;

/**
 * The limiter's grant path on DynamoDB: {@code limiter.acquire(request)} and a commit (try-with-resources), for
 * entity {@code user-<client>} (one bucket per client, so uncontended) and resource {@code gpt-4}, charging
 * {@code rpm: 1} and {@code tpm: 500}. The limits are stored as the namespace default, so the configuration cache
 * is on the path (with the default 60 s TTL, each client's entity reloads its three configuration levels once a
 * minute, on the path of the acquire that finds them expired). Their rates
 * are one token per nanosecond with a burst of {@link Limit#MAX_TOKENS}, so nothing is ever rejected and the bucket
 * arithmetic stays on its 64-bit path; a rejection fails the run. The request is built on every call, as
 * applications do.
 *
 * <p>With {@code adjust}, the lease is adjusted by {@code tpm: 200} before the commit, so the commit writes a second
 * {@code UpdateItem}: two writes per operation.
 *
 * <p>Thread-safe.
 */
final class LimiterAcquire implements Contender {

    /** One token per nanosecond, the fastest refill a limit may have, with the largest burst. */
    static final Limit RPM = Limit.of("rpm", Limit.MAX_TOKENS, 1_000, Duration.ofNanos(1_000));
    /** As {@link #RPM}. */
    static final Limit TPM = Limit.of("tpm", Limit.MAX_TOKENS, 1_000, Duration.ofNanos(1_000));

    private final RateLimiter limiter;
    private final boolean adjust;
    private final String[] entities;

    private LimiterAcquire(RateLimiter limiter, boolean adjust, String entityPrefix, int clients) {
        this.limiter = limiter;
        this.adjust = adjust;
        this.entities = new String[clients];
        for (int i = 0; i < clients; i++) {
            entities[i] = entityPrefix + i;
        }
    }

    /**
     * A limiter on {@code backend} in {@code namespace}, whose default configuration it sets to {@link #RPM} and
     * {@link #TPM}, caching configurations for {@code configCacheTtl}; {@code entityPrefix} plus the client index
     * names each client's entity.
     */
    static LimiterAcquire create(DynamoDbBackend backend, String namespace, Duration configCacheTtl, boolean adjust,
                                 String entityPrefix, int clients) {
        RateLimiter limiter = RateLimiter.builder().backend(backend).namespace(namespace)
                .configCacheTtl(configCacheTtl).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM, TPM));
        return new LimiterAcquire(limiter, adjust, entityPrefix, clients);
    }

    @Override
    public String name() {
        return adjust ? "limiter acquire+adjust" : "limiter acquire";
    }

    @Override
    public void run(int client) {
        AcquireRequest request = AcquireRequest.of(entities[client], "gpt-4").consume("rpm", 1).consume("tpm", 500);
        try (Lease lease = limiter.acquire(request)) {
            if (lease.isDegraded()) {
                throw new IllegalStateException("degraded lease: the backend was unavailable");
            }
            if (adjust) {
                lease.adjust("tpm", 200);
            }
        }
    }
}
