package dev.limiter.dynamodb.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One batch of changes, parsed and grouped by snapshot key (hourly and daily), and the result once the groups are
 * written. Not thread-safe; built and read by one aggregation.
 */
final class Batch {

    private final List<StreamChange> changes;
    private final Map<Integer, String> poisoned = new TreeMap<>();
    private final Map<SnapshotKey, List<RecordUsage>> groups = new LinkedHashMap<>();
    private int counted;

    private Batch(List<StreamChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /** Parses {@code changes}; a change that cannot be read is recorded as poisoned, the others still count. */
    static Batch parse(List<StreamChange> changes) {
        Batch batch = new Batch(changes);
        for (int position = 0; position < batch.changes.size(); position++) {
            batch.add(position, batch.changes.get(position));
        }
        batch.groups.values().forEach(records -> records.sort(Comparator.comparing(RecordUsage::sequence)));
        return batch;
    }

    /** The snapshot keys with their records, sorted by sequence number. */
    Map<SnapshotKey, List<RecordUsage>> groups() {
        return groups;
    }

    /** The result, given each group's outcome in the order of {@link #groups()}. */
    AggregationResult result(List<WriteOutcome> outcomes) {
        Map<Integer, String> failed = new TreeMap<>(poisoned);
        int written = 0;
        int alreadyApplied = 0;
        int withGaps = 0;
        int sealed = 0;
        int index = 0;
        for (List<RecordUsage> records : groups.values()) {
            WriteOutcome outcome = outcomes.get(index++);
            if (outcome instanceof WriteOutcome.Failed failure) {
                records.forEach(record -> failed.putIfAbsent(record.position(), failure.reason()));
            } else if (outcome instanceof WriteOutcome.Written write) {
                written++;
                withGaps += write.gaps() > 0 ? 1 : 0;
                sealed += write.sealed();
            } else {
                alreadyApplied++;
            }
        }
        List<RecordFailure> failures = new ArrayList<>();
        failed.forEach((position, reason) ->
                failures.add(new RecordFailure(changes.get(position).sequenceNumber(), reason)));
        int ignored = changes.size() - counted - poisoned.size();
        return new AggregationResult(changes.size(), ignored, counted, written, alreadyApplied, withGaps, sealed,
                failures);
    }

    private void add(int position, StreamChange change) {
        Optional<RecordUsage> usage;
        try {
            usage = ChangeParser.parse(position, change);
        } catch (IllegalArgumentException | ArithmeticException poison) {
            poisoned.put(position, "record does not parse: " + poison.getMessage());
            return;
        }
        if (usage.isPresent()) {
            counted++;
            for (UsageWindow window : UsageWindow.values()) {
                groups.computeIfAbsent(usage.get().snapshotKey(window), key -> new ArrayList<>()).add(usage.get());
            }
        }
    }
}
