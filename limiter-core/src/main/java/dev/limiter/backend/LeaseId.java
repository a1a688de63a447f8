package dev.limiter.backend;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The id of a lease: 128 random bits, written as 32 hex digits ({@link #toString()}), short enough to serve as a
 * DynamoDB {@code ClientRequestToken}. Kept as two longs because most acquires never need the text: only backends
 * that store or send it format it.
 *
 * <p>{@link ThreadLocalRandom} rather than {@code UUID.randomUUID()}: ids need uniqueness, not secrecy, and the secure
 * generator would cost more than the rest of an in-memory acquire.
 *
 * @param high the first 64 bits
 * @param low  the last 64 bits
 */
public record LeaseId(long high, long low) {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A new random id. */
    public static LeaseId random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new LeaseId(random.nextLong(), random.nextLong());
    }

    /** The 32 lower-case hex digits of the id. */
    @Override
    public String toString() {
        char[] digits = new char[32];
        fill(digits, 0, high);
        fill(digits, 16, low);
        return new String(digits);
    }

    private static void fill(char[] digits, int offset, long bits) {
        long remaining = bits;
        for (int i = 15; i >= 0; i--) {
            digits[offset + i] = HEX[(int) (remaining & 0xF)];
            remaining >>>= 4;
        }
    }
}
