package dev.limiter.dynamodb.schema;

import dev.limiter.Limit;
import dev.limiter.bucket.BucketState;
import dev.limiter.bucket.LimitState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes bucket items into {@link BucketState}s and encodes limit parameters. A limit's state is complete only
 * when its TAT and parameters are both present; other attributes are ignored.
 */
public final class BucketItems {

    private BucketItems() {
    }

    /** The parameters attribute value of {@code limit}: {@code capacity:refillAmount:periodNanos}. */
    public static String encodeParams(Limit limit) {
        return limit.capacity() + ":" + limit.refillAmount() + ":" + limit.periodNanos();
    }

    /** The limit called {@code name} with the parameters of {@code encoded}. */
    public static Limit decodeParams(String name, String encoded) {
        String[] parts = encoded.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("limit '" + name + "' has malformed parameters '" + encoded + "'");
        }
        return Limit.of(name, Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                Duration.ofNanos(Long.parseLong(parts[2])));
    }

    /** The state of every limit stored in {@code item}; {@link BucketState#EMPTY} for an empty or absent item. */
    public static BucketState decode(Map<String, AttributeValue> item) {
        List<LimitState> limits = new ArrayList<>();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (!attribute.getKey().startsWith(Attributes.PARAMS_PREFIX)) {
                continue;
            }
            String name = attribute.getKey().substring(Attributes.PARAMS_PREFIX.length());
            AttributeValue tat = item.get(Attributes.tat(name));
            if (tat == null || tat.n() == null || attribute.getValue().s() == null) {
                continue;
            }
            Limit limit = decodeParams(name, attribute.getValue().s());
            limits.add(new LimitState(limit, Math.max(0, clampedLong(tat.n())), consumed(item, name)));
        }
        return limits.isEmpty() ? BucketState.EMPTY : new BucketState(limits);
    }

    /** The token of the last write recorded in {@code item}, if any. */
    public static Optional<String> lastToken(Map<String, AttributeValue> item) {
        AttributeValue token = item.get(Attributes.LAST_TOKEN);
        return token == null ? Optional.empty() : Optional.ofNullable(token.s());
    }

    /** Parses a DynamoDB number into a long, clamping values outside the long range. */
    public static long clampedLong(String number) {
        BigDecimal value = new BigDecimal(number);
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return value.longValue();
    }

    private static long consumed(Map<String, AttributeValue> item, String name) {
        AttributeValue consumed = item.get(Attributes.consumed(name));
        return consumed == null || consumed.n() == null ? 0 : clampedLong(consumed.n());
    }
}
