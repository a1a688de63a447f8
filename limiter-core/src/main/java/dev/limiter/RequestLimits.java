package dev.limiter;

import dev.limiter.internal.Require;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The request-level limits of an {@link AcquireRequest}: an immutable list, validated once when it is made (no
 * null, distinct names, at most {@link Limit#MAX_PER_BUCKET}). A request's copies share it, so that
 * {@code withLimits}, {@code consume} and the record's constructor do not copy or check the limits again, and two
 * lists are compared element by element by identity first. Up to two limits, the usual count, are held in fields
 * rather than a copied array, so {@code withLimits(a, b)} need not copy its arguments.
 */
final class RequestLimits extends AbstractList<Limit> implements RandomAccess {

    static final RequestLimits NONE = new RequestLimits(new Limit[0]);

    private final int size;
    private final Limit first;
    private final Limit second;
    /** Every limit when there are more than two, else {@code null}. */
    private final Limit[] all;

    /** Takes {@code limits}' elements; keeps the array itself only when it has more than two. */
    private RequestLimits(Limit[] limits) {
        this.size = limits.length;
        this.first = size > 0 ? limits[0] : null;
        this.second = size > 1 ? limits[1] : null;
        this.all = size > 2 ? limits : null;
    }

    /** A validated copy of {@code limits}: each non-null, with distinct names, at most {@link Limit#MAX_PER_BUCKET}. */
    static RequestLimits copyOf(List<Limit> limits) {
        if (limits instanceof RequestLimits known) {
            return known;
        }
        Require.nonNull("limits", limits);
        Limit[] copy = new Limit[limits.size()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = Require.nonNull("limits[" + i + "]", limits.get(i));
        }
        requireAtMostPerBucket(copy.length);
        for (int i = 1; i < copy.length; i++) {
            for (int j = 0; j < i; j++) {
                if (copy[i].name().equals(copy[j].name())) {
                    throw new IllegalArgumentException("request limit '" + copy[i].name() + "' is given twice");
                }
            }
        }
        return new RequestLimits(copy);
    }

    /**
     * {@code limits} already known to be non-null with distinct names (as {@code withLimits} merges them); the
     * list owns the array if it has more than two elements (pass a copy), else only reads it. Only the count is
     * checked.
     */
    static RequestLimits ofDistinct(Limit[] limits) {
        requireAtMostPerBucket(limits.length);
        return new RequestLimits(limits);
    }

    /** Throws naming the field and the cap when a request names more limits than one bucket may hold. */
    static void requireAtMostPerBucket(String field, int count) {
        if (count > Limit.MAX_PER_BUCKET) {
            throw new IllegalArgumentException("request " + field + " name " + count + " limits: at most "
                    + Limit.MAX_PER_BUCKET + " limits may apply to one bucket");
        }
    }

    private static void requireAtMostPerBucket(int count) {
        requireAtMostPerBucket("limits", count);
    }

    /** Whether {@code other} holds equal limits in the same order; identical elements are not compared further. */
    boolean sameAs(RequestLimits other) {
        if (this == other) {
            return true;
        }
        if (size != other.size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            Limit mine = get(i);
            Limit theirs = other.get(i);
            if (mine != theirs && !mine.equals(theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Limit get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("limit " + index + " of " + size);
        }
        return all != null ? all[index] : index == 0 ? first : second;
    }

    @Override
    public int size() {
        return size;
    }
}
