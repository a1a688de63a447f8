package dev.limiter.backend;

import dev.limiter.internal.Require;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The charges for one bucket of an acquire; all of them are admitted or none.
 *
 * @param key        the bucket
 * @param charges    one charge per limit, at least one, distinct names
 * @param configured the names of every limit that applies to the bucket now, charged or not (the charged ones
 *                   included); a backend may drop a stored limit outside this set from the bucket, but only while
 *                   that limit is full, when dropping it loses nothing but its consumption counter
 */
public record BucketCharge(BucketKey key, List<LimitCharge> charges, Set<String> configured) {

    /** Validates and copies. */
    public BucketCharge {
        Require.nonNull("key", key);
        charges = List.copyOf(charges);
        if (charges.isEmpty()) {
            throw new IllegalArgumentException("bucket " + key + " has no charges");
        }
        configured = Set.copyOf(configured);
        for (LimitCharge charge : charges) {
            // The message is built only on failure: this runs on every charge of the general path.
            if (!configured.contains(charge.limit().name())) {
                throw new IllegalArgumentException("bucket " + key + " charges limit '" + charge.limit().name()
                        + "', which is not among its configured limits " + configured);
            }
        }
    }

    /** Charges of a bucket whose configured limits are exactly the charged ones. */
    public BucketCharge(BucketKey key, List<LimitCharge> charges) {
        this(key, charges, namesOf(charges));
    }

    private static Set<String> namesOf(List<LimitCharge> charges) {
        Set<String> names = new HashSet<>();
        charges.forEach(charge -> names.add(charge.limit().name()));
        return names;
    }
}
