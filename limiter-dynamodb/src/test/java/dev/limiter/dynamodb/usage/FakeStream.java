package dev.limiter.dynamodb.usage;

import dev.limiter.backend.BucketKey;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Synthetic stream records of bucket items, shaped like the ones the acquire path writes (counters, parameters,
 * last-write token), with increasing 22-digit sequence numbers. Not thread-safe.
 */
final class FakeStream {

    private final String namespace;
    private final Map<BucketKey, Map<String, AttributeValue>> items = new HashMap<>();
    private final Map<BucketKey, String> leases = new HashMap<>();
    private BigInteger sequence = new BigInteger("4900000000012345678901");
    private Instant time;
    private int leaseCount;

    FakeStream(String namespace, Instant time) {
        this.namespace = namespace;
        this.time = time;
    }

    /** Later changes are created at {@code newTime}. */
    FakeStream at(Instant newTime) {
        this.time = newTime;
        return this;
    }

    /** An acquire on the bucket: a fresh lease id in {@code l} and the counters raised by {@code consumed}. */
    StreamChange acquire(String entity, String resource, Map<String, Long> consumed) {
        BucketKey key = new BucketKey(namespace, entity, resource);
        String lease = String.format("%032x", ++leaseCount);
        leases.put(key, lease);
        return write(key, consumed, lease);
    }

    /** A settlement of the bucket's last lease: token {@code <lease>:s}, counters moved by {@code deltas}. */
    StreamChange settle(String entity, String resource, Map<String, Long> deltas) {
        BucketKey key = new BucketKey(namespace, entity, resource);
        return write(key, deltas, leases.get(key) + ":s");
    }

    /** A change of any item, with the next sequence number. */
    StreamChange change(StreamChange.Type type, Map<String, AttributeValue> before, Map<String, AttributeValue> after,
                        boolean ttl) {
        Map<String, AttributeValue> image = after.isEmpty() ? before : after;
        Map<String, AttributeValue> keys = Map.of(Attributes.PK, image.get(Attributes.PK),
                Attributes.SK, image.get(Attributes.SK));
        sequence = sequence.add(BigInteger.valueOf(100));
        return new StreamChange(type, keys, before, after, sequence.toString(), time, ttl);
    }

    private StreamChange write(BucketKey key, Map<String, Long> deltas, String token) {
        Map<String, AttributeValue> before = items.getOrDefault(key, Map.of());
        Map<String, AttributeValue> after = new HashMap<>(before);
        after.put(Attributes.PK, AttributeValue.fromS(Keys.bucketPk(key)));
        after.put(Attributes.SK, AttributeValue.fromS(Keys.BUCKET_SK));
        deltas.forEach((name, delta) -> {
            AttributeValue old = before.get(Attributes.consumed(name));
            long value = (old == null ? 0 : Long.parseLong(old.n())) + delta;
            after.put(Attributes.consumed(name), AttributeValue.fromN(Long.toString(value)));
            after.put(Attributes.tat(name), AttributeValue.fromN("1767225600000000000"));
            after.put(Attributes.params(name), AttributeValue.fromS("100:100:60000000000"));
        });
        after.put(Attributes.LAST_TOKEN, AttributeValue.fromS(token));
        items.put(key, Map.copyOf(after));
        return change(before.isEmpty() ? StreamChange.Type.INSERT : StreamChange.Type.MODIFY, before, after, false);
    }
}
