package dev.limiter.dynamodb.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An item's size by DynamoDB's billing rules, to reason about capacity units: attribute names and strings count
 * their UTF-8 bytes, numbers about one byte per two significant digits plus one, booleans and nulls one byte, maps
 * and lists three bytes plus one per element plus their contents. A write consumes one unit per started kilobyte
 * (two inside a transaction); a failed conditional write is billed the same.
 */
public final class ItemSize {

    private static final int KILOBYTE = 1024;

    private ItemSize() {
    }

    /** The size of {@code item} in bytes. */
    public static int bytes(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + valueBytes(attribute.getValue());
        }
        return size;
    }

    /** Write capacity units of one standard write of an item of {@code bytes}. */
    public static int writeUnits(int bytes) {
        return Math.max(1, (bytes + KILOBYTE - 1) / KILOBYTE);
    }

    private static int valueBytes(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return numberBytes(value.n());
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasM()) {
            int size = 3;
            for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                size += 1 + utf8(entry.getKey()) + valueBytes(entry.getValue());
            }
            return size;
        }
        if (value.hasL()) {
            int size = 3;
            for (AttributeValue element : value.l()) {
                size += 1 + valueBytes(element);
            }
            return size;
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToInt(ItemSize::utf8).sum();
        }
        if (value.hasNs()) {
            return value.ns().stream().mapToInt(ItemSize::numberBytes).sum();
        }
        return value.b() != null ? value.b().asByteArray().length : 0;
    }

    private static int numberBytes(String number) {
        String digits = new BigDecimal(number).unscaledValue().abs().toString().replaceAll("^0+|0+$", "");
        return Math.max(1, (digits.length() + 1) / 2 + 1);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
