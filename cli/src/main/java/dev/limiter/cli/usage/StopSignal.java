package dev.limiter.cli.usage;

import dev.limiter.Sleeper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Stops {@code limiter aggregate --follow} cleanly on Ctrl-C. {@link #runStoppable} registers a JVM shutdown hook
 * (SIGINT and SIGTERM run it) that raises the flag and then waits, up to {@link #GRACE}, for the run to finish: the
 * poll in progress completes its writes, the summary is printed, and only then does the JVM exit. As the poller's
 * {@link Sleeper}, it ends the wait between polls as soon as the flag is raised.
 *
 * <p>Design note: the flag is a latch, so raising it is one atomic step visible to the polling thread and able to
 * wake it from {@link #sleep}; nothing else is shared between the hook and the run. Thread-safe.
 */
final class StopSignal implements Sleeper {

    /** How long the hook lets the current poll finish: one SDK call with its retries, and some. */
    static final Duration GRACE = Duration.ofSeconds(40);

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    /** Raises the flag: the run stops after its current poll. */
    void stop() {
        stopped.countDown();
    }

    /** Whether the flag is raised. */
    boolean stopped() {
        return stopped.getCount() == 0;
    }

    /**
     * Runs {@code run} with the shutdown hook in place, and removes the hook when it returns.
     *
     * @return what {@code run} returned
     */
    <T> T runStoppable(Supplier<T> run) {
        Thread hook = hook();
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting and the hook is running; it returns now that the run has finished
            }
        }
    }

    /** The shutdown hook: raise the flag, then wait for the run to finish. */
    Thread hook() {
        return new Thread(() -> {
            stop();
            try {
                finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "limiter-aggregate-stop");
    }

    /** Waits {@code duration}, or less if the flag is raised meanwhile. */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A future completing after {@code duration}, or at once if the flag is raised by then; blocks no thread. */
    @Override
    public CompletableFuture<Void> delay(Duration duration) {
        return stopped() ? CompletableFuture.completedFuture(null) : Sleeper.system().delay(duration);
    }
}
