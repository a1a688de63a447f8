package dev.limiter.dynamodb.acquire;

import dev.limiter.dynamodb.schema.Attributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * The fingerprints of the last writes to a bucket, kept in the item ({@code lt}, a list, oldest first) so that a write
 * that was applied but whose response was lost is recognised when it is retried, even after other writers have
 * written the bucket in between (up to about {@value #KEEP} of them, more than one write by each of 32 writers).
 *
 * <p>Every charge and settlement adds its token's fingerprint and is conditioned on the list not holding it: a retry
 * of an applied write fails its condition, and the old image shows the fingerprint. The list is bounded without a
 * read: a writer that last saw it at {@value #KEEP} entries or more appends with {@code SET lt[i] = :fp} (an index past
 * the end appends) and drops the oldest with {@code REMOVE lt[0]} (two past {@value #KEEP} + {@value #SLACK}), so
 * stale views let it overshoot by at most the number of concurrent writers, and it shrinks back. A writer that has
 * not seen the list (new bucket, cold process, an old view) appends with {@code list_append(if_not_exists(..))},
 * which is valid whether or not the list exists. Fingerprints are 48-bit hashes of the token, 8 characters (two of
 * the ~56 entries collide with odds below 10⁻¹¹): the list costs 9 bytes per entry, about 500 bytes at most, keeping
 * a bucket of a few limits under 1 KB (one write unit).
 *
 * <p>What remains: a retry that lands after more than about {@value #KEEP} other writes to the same bucket (a long
 * attempt timeout on a very hot key) is not recognised and charges again: over-charging, never under-charging.
 */
final class RecentTokens {

    /** Entries kept. */
    static final int KEEP = 48;
    /** Overshoot past {@link #KEEP} after which two entries are dropped per write. */
    static final int SLACK = 8;
    /** An index past any list's end, so that {@code SET lt[APPEND_INDEX]} appends. */
    private static final int APPEND_INDEX = 1000;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private RecentTokens() {
    }

    /** The fingerprint of {@code token}: 48 bits of a hash, in 8 URL-safe base-64 characters. */
    static String fingerprint(String token) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < token.length(); i++) {
            hash = (hash ^ token.charAt(i)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        char[] text = new char[8];
        for (int i = 0; i < text.length; i++) {
            text[i] = ALPHABET[(int) (hash & 63)];
            hash >>>= 6;
        }
        return new String(text);
    }

    /** How many fingerprints {@code item} holds. */
    static int count(Map<String, AttributeValue> item) {
        AttributeValue list = item.get(Attributes.RECENT_TOKENS);
        return list == null || !list.hasL() ? 0 : list.l().size();
    }

    /** Whether {@code item} records a write with {@code token}, as its last token or among its recent ones. */
    static boolean recorded(Map<String, AttributeValue> item, String token) {
        AttributeValue last = item.get(Attributes.LAST_TOKEN);
        if (last != null && token.equals(last.s())) {
            return true;
        }
        AttributeValue list = item.get(Attributes.RECENT_TOKENS);
        if (list == null || !list.hasL()) {
            return false;
        }
        String fingerprint = fingerprint(token);
        for (AttributeValue entry : list.l()) {
            if (fingerprint.equals(entry.s())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds {@code token} to the write built in {@code e}, which must fail if the bucket already records it;
     * {@code known} is how many fingerprints the writer last saw in the list (0 if it does not know).
     */
    static void stamp(Expression e, String token, int known) {
        String list = e.name(Attributes.RECENT_TOKENS);
        AttributeValue fingerprint = AttributeValue.fromS(fingerprint(token));
        String single = e.value(fingerprint);
        e.condition("NOT contains(" + list + ", " + single + ")"); // false for a missing list, so NOT holds
        if (known < KEEP) {
            String empty = e.value(AttributeValue.fromL(List.of()));
            String appended = e.value(AttributeValue.fromL(List.of(fingerprint)));
            e.set(list + " = list_append(if_not_exists(" + list + ", " + empty + "), " + appended + ")");
            return;
        }
        e.set(list + "[" + APPEND_INDEX + "] = " + single);
        e.remove(list + "[0]");
        if (known >= KEEP + SLACK) {
            e.remove(list + "[1]");
        }
    }
}
