/**
 * Usage aggregation: the table's stream (new and old images of every bucket write) turned into per-window usage
 * snapshots, and queries over them.
 *
 * <ul>
 *   <li>{@link dev.limiter.dynamodb.usage.UsageAggregator} applies a batch of
 *       {@link dev.limiter.dynamodb.usage.StreamChange}s: one conditional {@code UpdateItem} per snapshot key;</li>
 *   <li>{@link dev.limiter.dynamodb.usage.StreamPoller} reads the stream without Lambda (the CLI's
 *       {@code limiter aggregate}); the Lambda handler in module {@code lambdas} converts its event instead;</li>
 *   <li>{@link dev.limiter.dynamodb.usage.UsageReader} lists snapshots by entity or by resource.</li>
 * </ul>
 *
 * <h2>What is counted</h2>
 * Only bucket items ({@code sk = B}) count; entities, configurations and the snapshots themselves live in the same
 * table and are ignored, as are deletions (a TTL deletion, or any other, is not consumption). Per limit the
 * amount is {@code new c_n - old c_n} (a counter missing from the old image is 0), negative for refunds; a counter
 * missing from the new image belongs to a limit dropped from the bucket because it is no longer configured, which
 * consumes nothing. A write is one request iff
 * the new image's token {@code l} is an acquire token (a lease id, not a {@code <leaseId>:s} settlement token) that
 * differs from the old one; a cascade writes every ancestor's bucket, so each ancestor counts the request too.
 * A change falls into the hourly and the daily window (UTC) holding its approximate creation time; the window type
 * is part of the key, so a daily window and the hourly window starting at midnight never share an item.
 *
 * <h2>Idempotency, per record</h2>
 * A snapshot key names one bucket item, and a shard delivers one item's records in order with increasing sequence
 * numbers. Each snapshot stores which of its bucket's records it has applied as runs of sequence numbers
 * ({@link dev.limiter.dynamodb.usage.AppliedRanges}): a batch is a contiguous stretch of its shard, so a group of
 * one key's records from one batch holds every record of that bucket and window between its first and last. Each run
 * also carries fingerprints of the bucket's state (token and counters) before its first and after its last record;
 * since every write of the acquire path stamps a new token, a group whose first record starts from the last run's
 * end state continues it directly. That ordinary write is one conditional {@code UpdateItem} with no read:
 * {@code attribute_not_exists(wm) OR (wm < :first AND wf = :fingerprintBefore)}. When the condition fails, the old
 * item returned with the failure lists the runs; records inside a run are dropped, the others are added, and the runs
 * are rewritten, conditioned on the snapshot's write counter. So a batch delivered again, bisected, read concurrently
 * by a Lambda and a local poller, replayed from the on-failure queue after later batches, or read later half first
 * counts every record exactly once. A snapshot with more than one run lacks records (a gap), which every write to it
 * reports ({@link dev.limiter.dynamodb.usage.AggregationResult#snapshotsWithGaps()}) until the records arrive; beyond
 * {@value dev.limiter.dynamodb.usage.AppliedRanges#MAX_RUNS} runs the oldest gap is sealed and reported
 * ({@link dev.limiter.dynamodb.usage.AggregationResult#gapsSealed()}). Sequence numbers are stored left-padded with
 * zeros to 40 digits (the longest DynamoDB issues), so DynamoDB's string order is numeric order. A snapshot written
 * before runs existed has only {@code wm} and reads as one run up to it.
 *
 * <h2>Failures</h2>
 * Nothing is swallowed: {@link dev.limiter.dynamodb.usage.AggregationResult#failures()} lists every record that
 * could not be applied (a record that does not parse, a write that failed after the client's retries), in input
 * order, so a Lambda returns the first as its batch item failure and the stream delivers it and what follows
 * again. Records of other snapshot keys are still applied; their applied runs make the re-delivery harmless.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.dynamodb.usage;
