package dev.limiter;

import dev.limiter.internal.Arithmetic;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The amounts of an {@link AcquireRequest}: an immutable, insertion-ordered map from limit name to tokens, backed by
 * two arrays. Requests are built on every call ({@code of(..).consume(..).consume(..)}), so adding an amount copies
 * two short arrays instead of rebuilding a hash map, and the planner reads the arrays without an iterator.
 */
final class Amounts extends AbstractMap<String, Long> {

    static final Amounts NONE = new Amounts(new String[0], new long[0], null, null);

    private final String[] names;
    private final long[] tokens;
    /**
     * The entity and resource of the request that made these amounts, which that request had validated; compared by
     * identity, so a request built on them from the very same strings need not validate them again.
     */
    private final String validEntity;
    private final String validResource;

    private Amounts(String[] names, long[] tokens, String validEntity, String validResource) {
        this.names = names;
        this.tokens = tokens;
        this.validEntity = validEntity;
        this.validResource = validResource;
    }

    /** Whether these amounts were made by a request for these very (validated) entity and resource strings. */
    boolean validatedFor(String entity, String resource) {
        return validEntity != null && validEntity == entity && validResource == resource;
    }

    /** A copy of validated {@code amounts}, in their iteration order. */
    static Amounts copyOf(Map<String, Long> amounts) {
        String[] names = new String[amounts.size()];
        long[] tokens = new long[amounts.size()];
        int i = 0;
        for (Map.Entry<String, Long> amount : amounts.entrySet()) {
            names[i] = amount.getKey();
            tokens[i++] = amount.getValue();
        }
        return new Amounts(names, tokens, null, null);
    }

    /**
     * A copy with {@code amount} more of {@code name}, added to an existing amount (saturating) or appended, made by
     * a request for {@code validEntity} and {@code validResource}, which that request has validated.
     */
    Amounts plus(String name, long amount, String validEntity, String validResource) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                long[] updated = tokens.clone();
                updated[i] = Arithmetic.saturatedAdd(updated[i], amount);
                return new Amounts(names, updated, validEntity, validResource);
            }
        }
        // new String[] and arraycopy rather than Arrays.copyOf, which goes through reflection for a String[]
        String[] moreNames = new String[names.length + 1];
        long[] moreTokens = new long[tokens.length + 1];
        System.arraycopy(names, 0, moreNames, 0, names.length);
        System.arraycopy(tokens, 0, moreTokens, 0, tokens.length);
        moreNames[names.length] = name;
        moreTokens[tokens.length] = amount;
        return new Amounts(moreNames, moreTokens, validEntity, validResource);
    }

    /** Whether {@code other} holds the same names and tokens in the same order; compares arrays, no iterator. */
    boolean sameAs(Amounts other) {
        if (this == other) {
            return true;
        }
        if (names.length != other.names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            // Names are usually the same constants: identity first.
            if (tokens[i] != other.tokens[i] || (names[i] != other.names[i] && !names[i].equals(other.names[i]))) {
                return false;
            }
        }
        return true;
    }

    /** The name of the {@code i}-th amount. */
    String name(int i) {
        return names[i];
    }

    /** The tokens of the {@code i}-th amount. */
    long tokens(int i) {
        return tokens[i];
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Long get(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return tokens[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Map.Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, Long> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], tokens[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
