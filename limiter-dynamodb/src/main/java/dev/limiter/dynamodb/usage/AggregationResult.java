package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What applying a batch of stream changes did.
 *
 * @param received                how many changes the batch held
 * @param ignored                 changes that carry no usage: other items than buckets, deletions (TTL or not),
 *                                bucket writes that changed no counter and charged no request
 * @param counted                 bucket changes whose usage went into snapshot updates
 * @param snapshotsWritten        snapshot items updated (one write per hourly or daily key)
 * @param snapshotsAlreadyApplied snapshot updates skipped because their applied runs showed every record applied
 *                                before: a re-delivered batch
 * @param snapshotsWithGaps       snapshots written that still lack some of their bucket's earlier records: a batch
 *                                given up (replay it with {@code limiter usage replay}) or not yet read
 * @param gapsSealed              gaps closed without their records because a snapshot reached its bound of runs:
 *                                usage those records carried is lost to the snapshot
 * @param failures                records that could not be applied, in input order, each once
 */
public record AggregationResult(int received, int ignored, int counted, int snapshotsWritten,
                                int snapshotsAlreadyApplied, int snapshotsWithGaps, int gapsSealed,
                                List<RecordFailure> failures) {

    /** Copies {@code failures}. */
    public AggregationResult {
        failures = List.copyOf(Require.nonNull("failures", failures));
    }

    /** The result of an empty batch. */
    public static AggregationResult empty() {
        return new AggregationResult(0, 0, 0, 0, 0, 0, 0, List.of());
    }

    /** Whether any record failed. */
    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    /** The first failed record in input order: where a stream consumer must resume. */
    public Optional<RecordFailure> firstFailure() {
        return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
    }

    /** The sum of this result and {@code other}, failures concatenated. */
    public AggregationResult plus(AggregationResult other) {
        List<RecordFailure> all = new ArrayList<>(failures);
        all.addAll(other.failures);
        return new AggregationResult(received + other.received, ignored + other.ignored, counted + other.counted,
                snapshotsWritten + other.snapshotsWritten, snapshotsAlreadyApplied + other.snapshotsAlreadyApplied,
                snapshotsWithGaps + other.snapshotsWithGaps, gapsSealed + other.gapsSealed, all);
    }
}
