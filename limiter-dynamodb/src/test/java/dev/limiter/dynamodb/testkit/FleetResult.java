package dev.limiter.dynamodb.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of all workers of one run, merged: grants per bucket (a grant on a child that cascades also counts on
 * each ancestor), counters and DynamoDB requests summed over the workers.
 *
 * @param records   each worker's record, in worker order
 * @param ancestors per entity, the ancestors a cascade charges with it (absent: none)
 */
public record FleetResult(List<WorkerRecord> records, Map<String, List<String>> ancestors) {

    /** Copies the collections. */
    public FleetResult {
        records = List.copyOf(records);
        ancestors = Map.copyOf(ancestors);
    }

    /** Every grant that charged {@code bucket}, directly or through a cascade from a descendant. */
    public List<Grant> grantsOn(String bucket) {
        List<Grant> grants = new ArrayList<>();
        for (WorkerRecord record : records) {
            for (Grant grant : record.grants()) {
                if (grant.bucket().equals(bucket)) {
                    grants.add(grant);
                } else if (ancestors.getOrDefault(grant.bucket(), List.of()).contains(bucket)) {
                    grants.add(grant.onBucket(bucket));
                }
            }
        }
        return grants;
    }

    /** The tokens granted on {@code bucket}, cascades included. */
    public long tokensOn(String bucket) {
        return grantsOn(bucket).stream().mapToLong(Grant::amount).sum();
    }

    /** Counter {@code name} for {@code entity}, summed over the workers. */
    public long count(String name, String entity) {
        return records.stream().mapToLong(record -> record.count(name, entity)).sum();
    }

    /**
     * Counter {@code name} as it bears on {@code bucket}: the entity's own plus each descendant's that cascades into
     * it.
     */
    public long countOn(String name, String bucket) {
        long total = count(name, bucket);
        for (Map.Entry<String, List<String>> entry : ancestors.entrySet()) {
            if (entry.getValue().contains(bucket)) {
                total += count(name, entry.getKey());
            }
        }
        return total;
    }

    /** DynamoDB requests by operation, summed over the workers. */
    public Map<String, Long> requests() {
        Map<String, Long> total = new TreeMap<>();
        records.forEach(record -> record.requests().forEach((operation, n) -> total.merge(operation, n, Long::sum)));
        return total;
    }

    /** Whether every worker wrote its end marker. */
    public boolean complete() {
        return records.stream().allMatch(WorkerRecord::complete);
    }
}
