package dev.limiter.localstack;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the strict engine counted for one table since its last reset.
 *
 * @param conflicts requests rejected because a transaction held one of their items: single writes answered
 *     {@code TransactionConflictException} and transactions cancelled with a {@code TransactionConflict} reason
 * @param throttles writes answered with a throttling error (single writes) or cancelled with a throttling reason
 *     (transactions), one per request
 * @param ambiguousInjected requests applied and then failed on purpose ({@link StrictControl#failAfterApply})
 * @param idempotentReplays transactions answered from their {@code ClientRequestToken} without being applied again
 * @param transactions {@code TransactWriteItems} requests that reached moto (committed or cancelled by a condition)
 * @param writes single writes ({@code PutItem}, {@code UpdateItem}, {@code DeleteItem}) that reached moto
 * @param writeUnits write units charged: 1 per KB of item (rounded up, the larger of old and new image, at least 1)
 *     for a single write that landed or failed its condition, 2 per KB per item for a transaction that reached moto
 * @param holding transactions holding items of the table at the time of the query
 */
public record StrictCounters(long conflicts, long throttles, long ambiguousInjected, long idempotentReplays,
        long transactions, long writes, long writeUnits, long holding) {

    /** No counts. */
    public static final StrictCounters ZERO = new StrictCounters(0, 0, 0, 0, 0, 0, 0, 0);

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?\\d+)");

    /**
     * Adds two counts field by field.
     *
     * @param other the counts to add
     * @return the sum
     */
    public StrictCounters plus(StrictCounters other) {
        return new StrictCounters(conflicts + other.conflicts, throttles + other.throttles,
                ambiguousInjected + other.ambiguousInjected, idempotentReplays + other.idempotentReplays,
                transactions + other.transactions, writes + other.writes, writeUnits + other.writeUnits,
                holding + other.holding);
    }

    /** Parses a flat JSON object of counters as the control API writes it; missing counters are 0. */
    static StrictCounters parse(String json) {
        Map<String, Long> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            fields.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return new StrictCounters(fields.getOrDefault("conflicts", 0L), fields.getOrDefault("throttles", 0L),
                fields.getOrDefault("ambiguousInjected", 0L), fields.getOrDefault("idempotentReplays", 0L),
                fields.getOrDefault("transactions", 0L), fields.getOrDefault("writes", 0L),
                fields.getOrDefault("writeUnits", 0L), fields.getOrDefault("holding", 0L));
    }
}
