package dev.limiter.cli.demo;

import java.time.Duration;

/**
 * One line of the demo's final table.
 *
 * @param entity         the entity
 * @param depth          0 for the org, 1 for a team, 2 for a user
 * @param granted        calls granted that charged it
 * @param rejected       calls rejected by its limits
 * @param tokens         net {@code tpm} tokens charged to it
 * @param debt           {@code tpm} tokens it owes now (0 unless the bucket is below empty)
 * @param peakDebt       the most {@code tpm} tokens it was seen owing while the demo ran
 * @param meanRetryAfter the mean retry-after of its rejections; zero if none
 */
public record EntityRow(String entity, int depth, long granted, long rejected, long tokens, long debt, long peakDebt,
                        Duration meanRetryAfter) {
}
