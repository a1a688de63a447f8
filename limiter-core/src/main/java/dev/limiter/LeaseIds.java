package dev.limiter;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Lease ids: 128 random bits as 32 hex digits, short enough to serve as a DynamoDB {@code ClientRequestToken}.
 * {@link ThreadLocalRandom} rather than {@code UUID.randomUUID()}: ids need uniqueness, not secrecy, and the
 * secure generator would cost more than the rest of an in-memory acquire.
 */
final class LeaseIds {

    private LeaseIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong()) + hex(random.nextLong());
    }

    private static String hex(long bits) {
        String digits = Long.toHexString(bits);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
