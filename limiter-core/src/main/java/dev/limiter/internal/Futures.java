package dev.limiter.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The one place where asynchronous results become synchronous ones: the sync API is {@code join()} plus
 * unwrapping of {@link CompletionException}, so that callers see the exception the async code raised.
 */
public final class Futures {

    private Futures() {
    }

    /**
     * Waits for {@code future} and returns its value, rethrowing the original unchecked exception when it
     * failed. A checked cause (which the limiter never produces) is wrapped in {@link CompletionException}.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }

    /** Strips the {@link CompletionException} and {@link ExecutionException} layers added by futures. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Runs {@code action} and returns its future, turning an exception thrown while building the future
     * into a failed future: a method that returns a future never throws.
     */
    public static <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
