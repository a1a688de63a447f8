package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.BucketItems;
import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Keys and codec of usage snapshot items; the layout is documented in {@link dev.limiter.dynamodb.schema}. Window
 * starts are whole seconds in ISO-8601 UTC, fixed width for years 0000 to 9999, so string order is time order.
 */
final class UsageItems {

    /** Snapshot attribute: sequence number of the first record of the last applied run. */
    static final String LOW = "wl";
    /** Snapshot attribute: fingerprint of the bucket before the last run's first record. */
    static final String LOW_BEFORE = "wb";
    /** Snapshot attribute: fingerprint of the bucket after the last run's last record ({@code wm} is its number). */
    static final String HIGH_AFTER = "wf";
    /** Snapshot attribute: the earlier applied runs, a list of encoded {@link AppliedRange}s. */
    static final String RUNS = "rg";
    /** Snapshot attribute: the write counter that a rewrite of the runs is conditioned on. */
    static final String VERSION = "wv";

    /** Width of a stored watermark: DynamoDB sequence numbers have at most 40 digits. */
    static final int WATERMARK_DIGITS = 40;

    private static final String USAGE = "#U#";
    private static final String RESOURCE_INDEX = "#UR#";
    private static final Instant LATEST_KEY_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private UsageItems() {
    }

    /** Partition key of an entity's snapshots: {@code ns#U#entity}. */
    static String pk(String namespace, String entity) {
        return Require.namespace("namespace", namespace) + USAGE + Require.entityId("entity", entity);
    }

    /** Sort key of a snapshot: {@code H#start#resource} or {@code D#start#resource}. */
    static String sk(UsageWindow window, Instant start, String resource) {
        return timePrefix(window, start) + '#' + Require.resource("resource", resource);
    }

    /** The sort-key prefix of snapshots of kind {@code window} starting at {@code time}: {@code H#time}. */
    static String timePrefix(UsageWindow window, Instant time) {
        return window.code() + '#' + iso(time);
    }

    /** Index partition key of a resource's snapshots of one kind: {@code ns#UR#resource#H}. */
    static String indexPk(String namespace, String resource, UsageWindow window) {
        return Require.namespace("namespace", namespace) + RESOURCE_INDEX + Require.resource("resource", resource)
                + '#' + window.code();
    }

    /** Index sort key of a snapshot: {@code start#entity}. */
    static String indexSk(Instant start, String entity) {
        return iso(start) + '#' + entity;
    }

    /**
     * A time as it appears in keys: rounded up to the second (window starts are whole hours, so a query bound
     * compares the same way before and after rounding) and clamped to the years 1970 to 9999.
     */
    static String iso(Instant time) {
        if (time.isAfter(LATEST_KEY_TIME)) {
            return DateTimeFormatter.ISO_INSTANT.format(LATEST_KEY_TIME);
        }
        Instant seconds = time.truncatedTo(ChronoUnit.SECONDS);
        if (seconds.isBefore(time)) {
            seconds = seconds.plusSeconds(1);
        }
        return DateTimeFormatter.ISO_INSTANT.format(seconds.isBefore(Instant.EPOCH) ? Instant.EPOCH : seconds);
    }

    /** The stored form of a sequence number: zero-padded to {@value #WATERMARK_DIGITS} digits. */
    static String watermark(BigInteger sequence) {
        String digits = sequence.toString();
        return "0".repeat(WATERMARK_DIGITS - digits.length()) + digits;
    }

    /** The value of a sequence number (or a stored watermark): 1 to 40 decimal digits. */
    static BigInteger parseSequence(String digits) {
        boolean valid = !digits.isEmpty() && digits.length() <= WATERMARK_DIGITS;
        for (int i = 0; valid && i < digits.length(); i++) {
            valid = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
        }
        Require.argument(valid, "sequence number '" + Require.echo(digits) + "' is invalid: must be 1 to "
                + WATERMARK_DIGITS + " decimal digits");
        return new BigInteger(digits);
    }

    /** The snapshot a stored item holds; namespace, entity, window and resource come from its keys. */
    static UsageSnapshot decode(Map<String, AttributeValue> item) {
        String pk = string(item, Attributes.PK);
        String sk = string(item, Attributes.SK);
        int usage = pk.indexOf(USAGE);
        String[] parts = sk.split("#", 3);
        Require.argument(usage > 0 && parts.length == 3, "not a usage snapshot: pk '" + Require.echo(pk)
                + "', sk '" + Require.echo(sk) + "'");
        UsageWindow window = UsageWindow.ofCode(parts[0]);
        Instant start = Instant.parse(parts[1]);
        Map<String, Long> amounts = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(Attributes.AMOUNT_PREFIX) && value.n() != null) {
                amounts.put(name.substring(Attributes.AMOUNT_PREFIX.length()), BucketItems.clampedLong(value.n()));
            }
        });
        AttributeValue requests = item.get(Attributes.REQUESTS);
        return new UsageSnapshot(pk.substring(0, usage), pk.substring(usage + USAGE.length()), parts[2], window,
                start, start.plus(window.length()),
                requests == null || requests.n() == null ? 0 : BucketItems.clampedLong(requests.n()), amounts);
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        Require.argument(value != null && value.s() != null, "usage item lacks string attribute '" + name + "'");
        return value.s();
    }
}
