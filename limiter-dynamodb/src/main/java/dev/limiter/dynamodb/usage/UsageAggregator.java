package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Futures;
import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Turns batches of stream changes into hourly and daily usage snapshots: it sums a batch per snapshot key, then
 * writes each key once, conditioned on the records it has applied, so that every record counts once (see the package
 * documentation). Records that cannot be applied are returned, never dropped.
 *
 * <pre>{@code
 * UsageAggregator aggregator = UsageAggregator.create(backend.client(), backend.tableName());
 * AggregationResult result = aggregator.apply(changes);
 * result.firstFailure().ifPresent(failure -> resumeFrom(failure.sequenceNumber()));
 * }</pre>
 *
 * <p>The IAM action it needs on the table is {@code dynamodb:UpdateItem}. The client's retry strategy handles
 * throttling, 5xx and timeouts; a write still failing after it fails its records.
 *
 * <p>Thread-safe; futures complete on the SDK's I/O threads.
 */
public final class UsageAggregator {

    /** The IAM actions the aggregator calls on the table. */
    public static final List<String> TABLE_ACTIONS = List.of("dynamodb:UpdateItem");

    private final SnapshotWriter writer;
    private final int concurrency;

    private UsageAggregator(SnapshotWriter writer, int concurrency) {
        this.writer = writer;
        this.concurrency = concurrency;
    }

    /** An aggregator writing to {@code tableName} through {@code client} with {@link UsageSettings#defaults()}. */
    public static UsageAggregator create(DynamoDbAsyncClient client, String tableName) {
        return create(client, tableName, UsageSettings.defaults());
    }

    /** An aggregator writing to {@code tableName} through {@code client}; the caller keeps owning the client. */
    public static UsageAggregator create(DynamoDbAsyncClient client, String tableName, UsageSettings settings) {
        Require.nonNull("client", client);
        Require.nonNull("tableName", tableName);
        Require.nonNull("settings", settings);
        return new UsageAggregator(new SnapshotWriter(client, tableName, settings), settings.maxConcurrentWrites());
    }

    /**
     * Applies {@code changes}, given in stream order: at most one {@code UpdateItem} per snapshot key (hourly and
     * daily per bucket and window), up to {@link UsageSettings#maxConcurrentWrites()} at once. The future never
     * fails for a record's sake; failed records are in {@link AggregationResult#failures()}.
     */
    public CompletableFuture<AggregationResult> applyAsync(List<StreamChange> changes) {
        return Futures.guard(() -> {
            Batch batch = Batch.parse(Require.nonNull("changes", changes));
            return writeAll(new ArrayList<>(batch.groups().entrySet())).thenApply(batch::result);
        });
    }

    /** {@link #applyAsync} and wait. */
    public AggregationResult apply(List<StreamChange> changes) {
        return Futures.join(applyAsync(changes));
    }

    /**
     * Writes the groups in {@code lanes} chains of sequential writes: bounded concurrency without a semaphore, and
     * each outcome stored at its group's index.
     */
    private CompletableFuture<List<WriteOutcome>> writeAll(List<Map.Entry<SnapshotKey, List<RecordUsage>>> groups) {
        WriteOutcome[] outcomes = new WriteOutcome[groups.size()];
        int lanes = Math.min(concurrency, groups.size());
        CompletableFuture<?>[] chains = new CompletableFuture<?>[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int index = lane; index < groups.size(); index += lanes) {
                int at = index;
                Map.Entry<SnapshotKey, List<RecordUsage>> group = groups.get(at);
                chain = chain.thenCompose(done -> writer.write(group.getKey(), group.getValue()))
                        .thenAccept(outcome -> outcomes[at] = outcome);
            }
            chains[lane] = chain;
        }
        return CompletableFuture.allOf(chains).thenApply(done -> Arrays.asList(outcomes));
    }
}
