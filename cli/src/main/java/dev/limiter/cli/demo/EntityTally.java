package dev.limiter.cli.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the demo's {@link Ledger} counted for one entity.
 *
 * @param entity         the entity
 * @param granted        calls granted that charged it (its own, and its descendants' through cascade)
 * @param rejected       calls rejected by one of its limits
 * @param meanRetryAfter the mean retry-after of those rejections; zero if there were none
 * @param peakDebt       the most {@code tpm} tokens it was seen owing while the demo ran
 * @param netTokens      net tokens charged per limit name: acquired plus adjustments minus refunds
 */
public record EntityTally(String entity, long granted, long rejected, Duration meanRetryAfter, long peakDebt,
                          Map<String, Long> netTokens) {

    /** Copies the map, keeping its order. */
    public EntityTally {
        netTokens = Collections.unmodifiableMap(new LinkedHashMap<>(netTokens));
    }

    /** Net tokens charged to limit {@code limit}; 0 if the ledger did not track it. */
    public long net(String limit) {
        return netTokens.getOrDefault(limit, 0L);
    }
}
