package dev.limiter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How the limiter waits before retrying a rejected acquire: blocking for the sync API, with a timer for the async
 * API so that no thread sleeps. Injectable so that tests advance a manual clock instead of waiting.
 */
public interface Sleeper {

    /** Blocks the calling thread for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** A future that completes after {@code duration}, without blocking any thread meanwhile. */
    CompletableFuture<Void> delay(Duration duration);

    /** Real waiting: {@link Thread#sleep} and {@link CompletableFuture#delayedExecutor}. */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}

/** The real-time {@link Sleeper}. */
enum SystemSleeper implements Sleeper {
    INSTANCE;

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }

    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
    }
}
