package dev.limiter.allowance;

/**
 * The tokens of one limit taken by one reservation: what the shared bucket was charged ({@code reserved} tokens
 * costing {@code costNanos}), when, and how many of them have been granted locally. Guarded by its pool's lock.
 *
 * <p>Each chunk keeps its own reservation time, and tokens never move from one chunk to a newer one: the admission
 * bound rests on every granted token having been reserved less than {@code maxHold} before its grant.
 */
final class Chunk {

    final long reserved;
    final long costNanos;
    final long reservedAtNanos;
    long granted;
    boolean live = true;

    Chunk(long reserved, long costNanos, long reservedAtNanos) {
        this.reserved = reserved;
        this.costNanos = costNanos;
        this.reservedAtNanos = reservedAtNanos;
    }

    /** Tokens reserved and neither granted nor returned. */
    long remaining() {
        return live ? reserved - granted : 0;
    }

    /** Whether tokens of this chunk may still be granted at {@code nowNanos}: live and younger than {@code holdNanos}. */
    boolean usableAt(long nowNanos, long holdNanos) {
        return live && nowNanos - reservedAtNanos < holdNanos;
    }
}
