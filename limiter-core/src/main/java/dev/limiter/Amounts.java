package dev.limiter;

import dev.limiter.internal.Arithmetic;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The amounts of an {@link AcquireRequest}: an immutable, insertion-ordered map from limit name to tokens, kept as a
 * chain of one node per amount, the last added first. Requests are built on every call
 * ({@code of(..).consume(..).consume(..)}), so adding an amount allocates one small node that shares the earlier
 * ones, instead of copying arrays or rebuilding a hash map; the planner reads the amounts by index without an
 * iterator. A request holds at most {@link Limit#MAX_PER_BUCKET} amounts, so walking the chain stays short.
 */
final class Amounts extends AbstractMap<String, Long> {

    static final Amounts NONE = new Amounts(null, 0, null, 0, null, null);

    /** The last amount added; {@code null} only in {@link #NONE}. */
    private final String name;
    private final long tokens;
    /** The amounts added before this one; {@code null} only in {@link #NONE}. */
    private final Amounts previous;
    private final int size;
    /**
     * The entity and resource of the request that made these amounts, which that request had validated; compared by
     * identity, so a request built on them from the very same strings need not validate them again.
     */
    private final String validEntity;
    private final String validResource;

    private Amounts(String name, long tokens, Amounts previous, int size, String validEntity, String validResource) {
        this.name = name;
        this.tokens = tokens;
        this.previous = previous;
        this.size = size;
        this.validEntity = validEntity;
        this.validResource = validResource;
    }

    /** Whether these amounts were made by a request for these very (validated) entity and resource strings. */
    boolean validatedFor(String entity, String resource) {
        return validEntity != null && validEntity == entity && validResource == resource;
    }

    /** A copy of validated {@code amounts}, with distinct names, in their iteration order. */
    static Amounts copyOf(Map<String, Long> amounts) {
        Amounts chain = NONE;
        for (Map.Entry<String, Long> amount : amounts.entrySet()) {
            chain = new Amounts(amount.getKey(), amount.getValue(), chain, chain.size + 1, null, null);
        }
        return chain;
    }

    /**
     * A copy with {@code amount} more of {@code name}, added to an existing amount (saturating) or appended, made by
     * a request for {@code validEntity} and {@code validResource}, which that request has validated.
     */
    Amounts plus(String name, long amount, String validEntity, String validResource) {
        int existing = indexOf(name);
        if (existing < 0) {
            return new Amounts(name, amount, this, size + 1, validEntity, validResource);
        }
        // Rare: the same name twice. Rebuild the chain in order with the sum in place.
        Amounts chain = NONE;
        for (int i = 0; i < size; i++) {
            long tokens = i == existing ? Arithmetic.saturatedAdd(tokens(i), amount) : tokens(i);
            chain = new Amounts(name(i), tokens, chain, chain.size + 1, validEntity, validResource);
        }
        return chain;
    }

    /** Whether {@code other} holds the same names and tokens in the same order; stops at a shared node. */
    boolean sameAs(Amounts other) {
        if (size != other.size) {
            return false;
        }
        Amounts mine = this;
        Amounts theirs = other;
        while (mine != theirs) {
            // Names are usually the same constants: identity first.
            if (mine.tokens != theirs.tokens || (mine.name != theirs.name && !mine.name.equals(theirs.name))) {
                return false;
            }
            mine = mine.previous;
            theirs = theirs.previous;
        }
        return true;
    }

    /** The name of the {@code i}-th amount, in insertion order. */
    String name(int i) {
        return node(i).name;
    }

    /** The tokens of the {@code i}-th amount, in insertion order. */
    long tokens(int i) {
        return node(i).tokens;
    }

    private Amounts node(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("amount " + i + " of " + size);
        }
        Amounts node = this;
        for (int steps = size - 1 - i; steps > 0; steps--) {
            node = node.previous;
        }
        return node;
    }

    /** The insertion index of the amount called {@code key}, or -1. */
    private int indexOf(Object key) {
        for (Amounts node = this; node.size > 0; node = node.previous) {
            if (node.name.equals(key)) {
                return node.size - 1;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Long get(Object key) {
        for (Amounts node = this; node.size > 0; node = node.previous) {
            if (node.name.equals(key)) {
                return node.tokens;
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Set<Map.Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Long>> iterator() {
                Amounts[] inOrder = new Amounts[size];
                Amounts node = Amounts.this;
                for (int i = size - 1; i >= 0; i--) {
                    inOrder[i] = node;
                    node = node.previous;
                }
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < inOrder.length;
                    }

                    @Override
                    public Map.Entry<String, Long> next() {
                        if (next >= inOrder.length) {
                            throw new NoSuchElementException();
                        }
                        Amounts amount = inOrder[next++];
                        return new SimpleImmutableEntry<>(amount.name, amount.tokens);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
