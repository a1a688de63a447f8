package dev.limiter.dynamodb.audit;

import dev.limiter.dynamodb.schema.Attributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The item form of {@link AuditEntry}: partition {@code ns#AUDIT}, sort key the time in epoch microseconds (16
 * digits, so they sort as numbers) and a random suffix against collisions, the table's TTL attribute set to the end
 * of retention in epoch seconds (the unit DynamoDB TTL requires).
 */
final class AuditItems {

    private static final String AT = "at";
    private static final String ACTOR = "ac";
    private static final String SOURCE = "src";
    private static final String ACTION = "act";
    private static final String ADDRESS = "adr";
    private static final String BEFORE = "bf";
    private static final String AFTER = "af";
    private static final String REASON = "rs";
    private static final Instant LATEST = Instant.ofEpochSecond(9_999_999_999L);

    private AuditItems() {
    }

    /** The partition of {@code namespace}'s audit entries. */
    static String pk(String namespace) {
        return namespace + "#AUDIT";
    }

    /** The sort key that orders entries by {@code at}; {@code suffix} makes it unique. */
    static String sk(Instant at, String suffix) {
        return String.format("%016d#%s", micros(at), suffix);
    }

    static Map<String, AttributeValue> encode(AuditEntry entry, String suffix, Instant expires) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Attributes.PK, AttributeValue.fromS(pk(entry.namespace())));
        item.put(Attributes.SK, AttributeValue.fromS(sk(entry.at(), suffix)));
        item.put(AT, AttributeValue.fromN(Long.toString(micros(entry.at()))));
        item.put(ACTOR, AttributeValue.fromS(entry.actor()));
        item.put(SOURCE, AttributeValue.fromS(entry.source()));
        item.put(ACTION, AttributeValue.fromS(entry.action()));
        item.put(ADDRESS, AttributeValue.fromS(entry.address()));
        item.put(BEFORE, map(entry.before()));
        item.put(AFTER, map(entry.after()));
        item.put(REASON, AttributeValue.fromS(entry.reason()));
        item.put(Attributes.TTL, AttributeValue.fromN(Long.toString(expires.getEpochSecond())));
        return item;
    }

    /**
     * The entry an item holds.
     *
     * @throws IllegalArgumentException naming the item's key and the attribute, if the item is corrupt
     */
    static AuditEntry decode(Map<String, AttributeValue> item) {
        String key = string(item, Attributes.PK) + " / " + string(item, Attributes.SK);
        try {
            String pk = string(item, Attributes.PK);
            long micros = Long.parseLong(item.get(AT).n());
            return new AuditEntry(pk.substring(0, pk.length() - "#AUDIT".length()),
                    Instant.EPOCH.plus(micros, ChronoUnit.MICROS), string(item, ACTOR), string(item, SOURCE),
                    string(item, ACTION), string(item, ADDRESS), strings(item.get(BEFORE)), strings(item.get(AFTER)),
                    string(item, REASON));
        } catch (RuntimeException corrupt) {
            throw new IllegalArgumentException("corrupt audit item " + key + ": " + corrupt.getMessage(), corrupt);
        }
    }

    /** Epoch microseconds, clamped to the 16 digits a sort key holds (up to the year 2286) for open query bounds. */
    private static long micros(Instant at) {
        if (at.isBefore(Instant.EPOCH)) {
            return 0;
        }
        Instant clamped = at.isAfter(LATEST) ? LATEST : at;
        return clamped.getEpochSecond() * 1_000_000L + clamped.getNano() / 1_000;
    }

    private static AttributeValue map(Map<String, String> values) {
        Map<String, AttributeValue> map = new HashMap<>();
        values.forEach((name, value) -> map.put(name, AttributeValue.fromS(value)));
        return AttributeValue.fromM(map);
    }

    private static Map<String, String> strings(AttributeValue value) {
        Map<String, String> strings = new TreeMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((name, v) -> strings.put(name, v.s()));
        }
        return strings;
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException("attribute '" + name + "' is missing or not a string");
        }
        return value.s();
    }
}
