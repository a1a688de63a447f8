package dev.limiter.dynamodb.acquire;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets at most one transaction of this process at a time touch a given item (a cascade's topmost ancestor, shared by
 * every cascade below it). DynamoDB cancels a transaction that overlaps an in-flight one on any item
 * ({@code TransactionConflict}), so concurrent cascades of one process on a hot parent would mostly cancel each other
 * and burn their retry budgets; queued here instead, they wait without requests, and only transactions of different
 * processes (and single writes) can still conflict, which the {@link Backoff} retries absorb.
 *
 * <p>Concurrency: a per-item chain of futures; each transaction starts when the previous one on the item has
 * finished (however it finished), from the thread that finished it, without blocking any thread. The chain's entry is
 * removed by the last transaction in it, so idle items cost nothing. Thread-safe.
 */
final class TransactionGate {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /**
     * Runs single write {@code write} on item {@code pk} behind this process's transactions on it, if any are queued
     * or running (a single write to an item a transaction holds is refused with a conflict); else at once.
     */
    <T> CompletableFuture<T> behindTransactions(String pk, Supplier<CompletableFuture<T>> write) {
        return tails.containsKey(pk) ? queue(pk, write) : write.get();
    }

    /** Runs {@code transaction} once every transaction queued before it on item {@code pk} has finished. */
    <T> CompletableFuture<T> queue(String pk, Supplier<CompletableFuture<T>> transaction) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(pk, finished);
        CompletableFuture<Void> turn = previous == null ? CompletableFuture.completedFuture(null)
                : previous.handle((ignored, failure) -> null);
        return turn.thenCompose(ignored -> transaction.get()).whenComplete((result, failure) -> {
            tails.remove(pk, finished);
            finished.complete(null);
        });
    }
}
