package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which records of its bucket a snapshot has applied: disjoint runs, sorted, none continuing another. Normally one
 * run; a second appears when records were skipped (a batch given up to the on-failure queue, a later half read
 * first) and merges back when the skipped records are applied. Immutable.
 *
 * <p>Stored in the snapshot item: the last run in {@code wl}/{@code wb}/{@code wm}/{@code wf} (so the common write,
 * which extends it, needs no read), earlier runs encoded in the list {@code rg}, and a write counter {@code wv} that
 * a rewrite is conditioned on. An item of the earlier layout has only {@code wm}; it reads as one run from 0 to it.
 *
 * @param runs    the runs, sorted by sequence
 * @param version the stored write counter, 0 for a new or earlier-layout item
 * @param sealed  gaps closed by this state without their records, to stay within {@value #MAX_RUNS} runs
 */
record AppliedRanges(List<AppliedRange> runs, long version, int sealed) {

    /** Most runs one snapshot keeps (each about 100 bytes, far below the 400 KB item limit). */
    static final int MAX_RUNS = 16;

    AppliedRanges {
        runs = List.copyOf(runs);
    }

    /** What {@code item} (a snapshot, or the empty map for none) has applied. */
    static AppliedRanges of(Map<String, AttributeValue> item) {
        List<AppliedRange> runs = new ArrayList<>();
        AttributeValue earlier = item.get(UsageItems.RUNS);
        if (earlier != null && earlier.hasL()) {
            earlier.l().forEach(run -> runs.add(AppliedRange.decode(run.s())));
        }
        Optional<BigInteger> high = string(item, Attributes.WATERMARK).map(UsageItems::parseSequence);
        if (high.isPresent()) {
            BigInteger low = string(item, UsageItems.LOW).map(UsageItems::parseSequence).orElse(BigInteger.ZERO);
            runs.add(new AppliedRange(low, string(item, UsageItems.LOW_BEFORE).orElse(AppliedRange.UNKNOWN), high.get(),
                    string(item, UsageItems.HIGH_AFTER).orElse(AppliedRange.UNKNOWN)));
        }
        AttributeValue version = item.get(UsageItems.VERSION);
        return new AppliedRanges(runs, version == null || version.n() == null ? 0 : Long.parseLong(version.n()), 0)
                .normalised();
    }

    /** Whether the record with {@code sequence} was applied. */
    boolean covers(BigInteger sequence) {
        return runs.stream().anyMatch(run -> run.covers(sequence));
    }

    /** The state once {@code group}'s run is applied too. */
    AppliedRanges with(AppliedRange group) {
        List<AppliedRange> all = new ArrayList<>(runs);
        all.add(group);
        return new AppliedRanges(all, version, sealed).normalised();
    }

    /** Gaps between runs: stretches of the bucket's records that this snapshot has not (yet) applied. */
    int gaps() {
        return Math.max(0, runs.size() - 1);
    }

    /** The last run, which the next ordinary write extends. */
    AppliedRange last() {
        return runs.get(runs.size() - 1);
    }

    /** Every run but the last, in the stored form of {@code rg}. */
    List<String> earlier() {
        return runs.subList(0, runs.size() - 1).stream().map(AppliedRange::encode).toList();
    }

    /** Sorts, merges runs that overlap or continue each other, then seals the oldest gaps beyond the bound. */
    private AppliedRanges normalised() {
        List<AppliedRange> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(AppliedRange::low));
        List<AppliedRange> merged = new ArrayList<>();
        for (AppliedRange run : sorted) {
            int at = merged.size() - 1;
            if (at >= 0 && merged.get(at).joins(run)) {
                merged.set(at, merged.get(at).span(run));
            } else {
                merged.add(run);
            }
        }
        int closed = sealed;
        while (merged.size() > MAX_RUNS) {
            AppliedRange first = merged.remove(0);
            merged.set(0, new AppliedRange(first.low(), first.lowBefore(), merged.get(0).high(),
                    merged.get(0).highAfter()));
            closed++;
        }
        return new AppliedRanges(merged, version, closed);
    }

    private static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }
}
