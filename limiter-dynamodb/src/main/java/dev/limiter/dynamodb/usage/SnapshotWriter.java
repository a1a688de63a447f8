package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Writes one snapshot key's group of records as one conditional {@code UpdateItem}. The first attempt assumes the
 * ordinary case, that the group directly continues the snapshot's last applied run (the stored watermark lies below
 * the group and the stored fingerprint is the one the group starts from), and needs no read. When it does not, the
 * returned old item tells exactly which records were applied ({@link AppliedRanges}); the rest is written with the
 * new runs, conditioned on the write counter the old item showed. Thread-safe.
 */
final class SnapshotWriter {

    /** Rewrites after a concurrent write; only concurrent consumers of one stream change a snapshot in between. */
    private static final int MAX_ATTEMPTS = 4;

    private final DynamoDbAsyncClient client;
    private final String table;
    private final UsageSettings settings;

    SnapshotWriter(DynamoDbAsyncClient client, String table, UsageSettings settings) {
        this.client = client;
        this.table = table;
        this.settings = settings;
    }

    /** Applies {@code records} (sorted by sequence) to snapshot {@code key}; the future never fails. */
    CompletableFuture<WriteOutcome> write(SnapshotKey key, List<RecordUsage> records) {
        return attempt(key, records, Optional.empty(), 1);
    }

    /** One write: the continuation if {@code stored} is unknown, else the exact rewrite of {@code stored}. */
    private CompletableFuture<WriteOutcome> attempt(SnapshotKey key, List<RecordUsage> records,
                                                    Optional<AppliedRanges> stored, int attempt) {
        AppliedRange group = AppliedRange.of(records);
        List<RecordUsage> unapplied = stored.map(state -> unapplied(state, records)).orElse(records);
        if (unapplied.isEmpty()) {
            return CompletableFuture.completedFuture(new WriteOutcome.AlreadyApplied());
        }
        Optional<AppliedRanges> next = stored.map(state -> state.with(group));
        UpdateItemRequest request = next.isEmpty() ? continuation(key, records)
                : rewrite(key, unapplied, stored.get(), next.get());
        return Futures.guard(() -> client.updateItem(request))
                .handle((response, failure) -> failure == null
                        ? CompletableFuture.<WriteOutcome>completedFuture(written(next))
                        : afterFailure(key, records, attempt, Futures.unwrap(failure)))
                .thenCompose(outcome -> outcome);
    }

    private CompletableFuture<WriteOutcome> afterFailure(SnapshotKey key, List<RecordUsage> records, int attempt,
                                                         Throwable failure) {
        if (!(failure instanceof ConditionalCheckFailedException conflict)) {
            return failed("UpdateItem of usage snapshot " + describe(key) + " failed: " + failure);
        }
        if (!conflict.hasItem() || conflict.item().isEmpty()) {
            return failed("usage snapshot " + describe(key) + " refused the write but returned no item");
        }
        if (attempt >= MAX_ATTEMPTS) {
            return failed("usage snapshot " + describe(key) + " changed on " + attempt
                    + " attempts in a row: another consumer is applying the same stream");
        }
        AppliedRanges stored;
        try {
            stored = AppliedRanges.of(conflict.item());
        } catch (IllegalArgumentException | ArithmeticException corrupt) {
            return failed("usage snapshot " + describe(key) + " holds corrupt applied ranges: "
                    + corrupt.getMessage());
        }
        return attempt(key, records, Optional.of(stored), attempt + 1);
    }

    private static List<RecordUsage> unapplied(AppliedRanges stored, List<RecordUsage> records) {
        List<RecordUsage> remaining = new ArrayList<>();
        for (RecordUsage record : records) {
            if (!stored.covers(record.sequence())) {
                remaining.add(record);
            }
        }
        return remaining;
    }

    /**
     * The ordinary write: {@code records} continue the last run (or start the snapshot), so the run's end moves to
     * the group's last record and its start is kept.
     */
    private UpdateItemRequest continuation(SnapshotKey key, List<RecordUsage> records) {
        SnapshotUpdate update = SnapshotUpdate.of(key, settings);
        AppliedRange group = AppliedRange.of(records);
        update.set(Attributes.WATERMARK, AttributeValue.fromS(UsageItems.watermark(group.high())));
        update.set(UsageItems.HIGH_AFTER, AttributeValue.fromS(group.highAfter()));
        update.setIfAbsent(UsageItems.LOW, AttributeValue.fromS(UsageItems.watermark(group.low())));
        update.setIfAbsent(UsageItems.LOW_BEFORE, AttributeValue.fromS(group.lowBefore()));
        update.add(records);
        String watermark = update.name(Attributes.WATERMARK);
        update.condition("attribute_not_exists(" + watermark + ") OR (" + watermark + " < "
                + update.value(AttributeValue.fromS(UsageItems.watermark(group.low()))) + " AND "
                + update.name(UsageItems.HIGH_AFTER) + " = " + update.value(AttributeValue.fromS(group.lowBefore()))
                + ")");
        return update.toRequest(table, key);
    }

    /** The write after a refused continuation: exactly the unapplied records, and the runs they leave. */
    private UpdateItemRequest rewrite(SnapshotKey key, List<RecordUsage> unapplied, AppliedRanges stored,
                                      AppliedRanges next) {
        SnapshotUpdate update = SnapshotUpdate.of(key, settings);
        AppliedRange last = next.last();
        update.set(Attributes.WATERMARK, AttributeValue.fromS(UsageItems.watermark(last.high())));
        update.set(UsageItems.HIGH_AFTER, AttributeValue.fromS(last.highAfter()));
        update.set(UsageItems.LOW, AttributeValue.fromS(UsageItems.watermark(last.low())));
        update.set(UsageItems.LOW_BEFORE, AttributeValue.fromS(last.lowBefore()));
        if (next.earlier().isEmpty()) {
            update.remove(UsageItems.RUNS);
        } else {
            update.set(UsageItems.RUNS, AttributeValue.fromL(
                    next.earlier().stream().map(AttributeValue::fromS).toList()));
        }
        update.add(unapplied);
        String version = update.name(UsageItems.VERSION);
        update.condition(stored.version() == 0 ? "attribute_not_exists(" + version + ")"
                : version + " = " + update.value(AttributeValue.fromN(Long.toString(stored.version()))));
        return update.toRequest(table, key);
    }

    private static WriteOutcome written(Optional<AppliedRanges> next) {
        return next.map(state -> new WriteOutcome.Written(state.gaps(), state.sealed()))
                .orElse(new WriteOutcome.Written(0, 0));
    }

    private static CompletableFuture<WriteOutcome> failed(String reason) {
        return CompletableFuture.completedFuture(new WriteOutcome.Failed(reason));
    }

    private static String describe(SnapshotKey key) {
        return key.bucket() + " " + key.window() + " " + key.start();
    }
}
