package dev.limiter.dynamodb.usage;

import dev.limiter.backend.BucketKey;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.BucketItems;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.dynamodb.schema.WriteTokens;
import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the usage out of one stream change; see the package documentation for the rules. A change that belongs to
 * a bucket but cannot be read (no new image, a counter that is not an integer, malformed limit parameters, a bad
 * sequence number) is poisoned: parsing throws {@link IllegalArgumentException} naming the problem.
 */
final class ChangeParser {

    /** 96 bits of SHA-256: 16 characters, and no accidental equality among one bucket's writes. */
    private static final int FINGERPRINT_BYTES = 12;

    private ChangeParser() {
    }

    /**
     * The usage {@code change} carries, or empty if it carries none (not a bucket, a deletion, nothing changed).
     *
     * @throws IllegalArgumentException if the change is a bucket write that cannot be read
     */
    static Optional<RecordUsage> parse(int position, StreamChange change) {
        if (change.type() == StreamChange.Type.REMOVE || change.ttlRemoval()) {
            return Optional.empty(); // a deletion consumes nothing, whether TTL collected the bucket or a user did
        }
        Optional<BucketKey> bucket = bucketOf(change.keys());
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        BigInteger sequence = UsageItems.parseSequence(change.sequenceNumber());
        Map<String, AttributeValue> before = change.oldImage();
        Map<String, AttributeValue> after = change.newImage();
        Require.argument(!after.isEmpty() && (change.type() == StreamChange.Type.INSERT || !before.isEmpty()),
                change.type() + " record lacks an image: the stream must be NEW_AND_OLD_IMAGES");
        checkParameters(after);
        Map<String, Long> deltas = deltas(before, after);
        Optional<String> token = token(after);
        boolean request = token.isPresent() && !WriteTokens.isSettlement(token.get())
                && !token.equals(token(before));
        if (!request && deltas.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecordUsage(position, bucket.get(), sequence, change.approximateCreationTime(), request,
                deltas, fingerprint(before), fingerprint(after)));
    }

    /**
     * A short digest of what the aggregator reads from a bucket image: its token and counters. The acquire path
     * never writes the token it finds (a retry recognises itself by it), so the write that follows a record starts
     * from exactly that record's fingerprint, and {@link AppliedRange}s can tell a direct continuation from a gap.
     */
    static String fingerprint(Map<String, AttributeValue> image) {
        if (image.isEmpty()) {
            return AppliedRange.UNKNOWN;
        }
        StringBuilder state = new StringBuilder();
        token(image).ifPresent(state::append);
        new TreeMap<>(image).forEach((attribute, value) -> {
            if (attribute.startsWith(Attributes.CONSUMED_PREFIX)) {
                state.append('|').append(attribute).append('=').append(value.n());
            }
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(state.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, FINGERPRINT_BYTES));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM provides SHA-256", impossible);
        }
    }

    /** The bucket an item key names; empty for every other item of the table. */
    private static Optional<BucketKey> bucketOf(Map<String, AttributeValue> keys) {
        AttributeValue pk = keys.get(Attributes.PK);
        AttributeValue sk = keys.get(Attributes.SK);
        Require.argument(pk != null && pk.s() != null && sk != null && sk.s() != null,
                "record keys lack string attributes 'pk' and 'sk': not a limiter table");
        if (!Keys.BUCKET_SK.equals(sk.s())) {
            return Optional.empty();
        }
        Optional<BucketKey> bucket = Keys.parseBucketPk(pk.s());
        Require.argument(bucket.isPresent(), "item with sort key 'B' has a partition key that names no bucket: '"
                + Require.echo(pk.s()) + "'");
        return bucket;
    }

    /** Every limit's parameters must decode; a bucket whose limits cannot be read is corrupt. */
    private static void checkParameters(Map<String, AttributeValue> image) {
        image.forEach((attribute, value) -> {
            if (attribute.startsWith(Attributes.PARAMS_PREFIX)) {
                String name = attribute.substring(Attributes.PARAMS_PREFIX.length());
                Require.argument(value.s() != null, "limit '" + name + "' has parameters that are not a string");
                try {
                    BucketItems.decodeParams(name, value.s());
                } catch (IllegalArgumentException malformed) {
                    throw new IllegalArgumentException("limit '" + name + "' has malformed parameters '"
                            + Require.echo(value.s()) + "': " + malformed.getMessage(), malformed);
                }
            }
        });
    }

    /**
     * Per limit in the new image, its counter's change. A counter only in the old image belongs to a limit that was
     * dropped from the bucket (no longer configured): dropping consumes nothing, so it has no delta.
     */
    private static Map<String, Long> deltas(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        TreeSet<String> names = new TreeSet<>();
        for (String attribute : after.keySet()) {
            if (attribute.startsWith(Attributes.CONSUMED_PREFIX)) {
                names.add(attribute.substring(Attributes.CONSUMED_PREFIX.length()));
            }
        }
        Map<String, Long> deltas = new TreeMap<>();
        for (String name : names) {
            long delta = Math.subtractExact(counter(after, name), counter(before, name));
            if (delta != 0) {
                deltas.put(name, delta);
            }
        }
        return deltas;
    }

    private static long counter(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(Attributes.consumed(name));
        if (value == null) {
            return 0;
        }
        Require.argument(value.n() != null, "counter '" + Attributes.consumed(name) + "' is not a number");
        try {
            return new BigDecimal(value.n()).longValueExact();
        } catch (ArithmeticException | NumberFormatException notALong) {
            throw new IllegalArgumentException("counter '" + Attributes.consumed(name) + "' is '"
                    + Require.echo(value.n()) + "': must be an integer within the range of a long");
        }
    }

    private static Optional<String> token(Map<String, AttributeValue> image) {
        AttributeValue token = image.get(Attributes.LAST_TOKEN);
        if (token == null) {
            return Optional.empty();
        }
        Require.argument(token.s() != null, "token '" + Attributes.LAST_TOKEN + "' is not a string");
        return Optional.of(token.s());
    }
}
