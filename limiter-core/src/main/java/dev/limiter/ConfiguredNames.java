package dev.limiter;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of the limits that apply to each bucket of one plan: the stored ones, and for the entity's own bucket
 * also the request's (unless stored as unlimited). A backend's write of a bucket covers exactly these names, and
 * their count is capped per bucket so that a write stays bounded.
 *
 * <p>Worked out once per plan, on first use, and kept: plans are remembered across acquires, so a general-path
 * charge does not build a set each time. Thread-safe: a benign race may compute the sets twice, alike.
 */
final class ConfiguredNames {

    private final AcquireRequest request;
    private final List<ResolvedTarget.Bucket> buckets;
    private volatile List<Set<String>> names;

    ConfiguredNames(AcquireRequest request, List<ResolvedTarget.Bucket> buckets) {
        this.request = request;
        this.buckets = buckets;
    }

    /** The immutable set of names that apply to bucket {@code i} (0 is the entity's own). */
    Set<String> of(int i) {
        List<Set<String>> known = names;
        if (known == null) {
            Set<String>[] all = newSetArray(buckets.size());
            for (int b = 0; b < all.length; b++) {
                all[b] = Set.copyOf(namesOf(request, buckets.get(b), b == 0));
            }
            known = List.of(all);
            names = known;
        }
        return known.get(i);
    }

    /**
     * Levels merged per name, plus the request's limits, may exceed what one level may hold; the write of a bucket
     * must stay bounded.
     *
     * @throws IllegalArgumentException naming the bucket and the cap if more than {@link Limit#MAX_PER_BUCKET} apply
     */
    static void requireAtMostPerBucket(AcquireRequest request, ResolvedTarget.Bucket bucket, boolean own) {
        int upperBound = bucket.limits().limits().size() + (own ? request.limits().size() : 0);
        if (upperBound <= Limit.MAX_PER_BUCKET) {
            return; // cannot exceed the cap: no need to count distinct names
        }
        int count = namesOf(request, bucket, own).size();
        if (count > Limit.MAX_PER_BUCKET) {
            throw new IllegalArgumentException("entity '" + bucket.key().entity() + "' resource '"
                    + bucket.key().resource() + "' resolves to " + count + " limits across its configuration levels"
                    + (own ? " and the request" : "") + ": at most " + Limit.MAX_PER_BUCKET
                    + " limits may apply to one bucket; mark some unlimited or remove them");
        }
    }

    private static Set<String> namesOf(AcquireRequest request, ResolvedTarget.Bucket bucket, boolean own) {
        if (!own || request.limits().isEmpty()) {
            return bucket.names();
        }
        Set<String> names = new HashSet<>(bucket.names());
        for (Limit limit : request.limits()) {
            if (!bucket.limits().unlimited().containsKey(limit.name())) {
                names.add(limit.name());
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newSetArray(int size) {
        return (Set<String>[]) new Set<?>[size];
    }
}
