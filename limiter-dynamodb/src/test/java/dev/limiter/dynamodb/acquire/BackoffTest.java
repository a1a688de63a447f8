package dev.limiter.dynamodb.acquire;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackoffTest {

    private static final long SEED = Long.getLong("limiter.seed", new SplittableRandom().nextLong());
    private static final String REPLAY = "seed " + SEED + " (replay with -Dlimiter.seed=" + SEED + ")";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Backoff backoff = Backoff.on(scheduler, Duration.ofMillis(25), Duration.ofMillis(400), 8,
            new SplittableRandom(SEED));

    @AfterAll
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void stepNanos_successiveRetries_doubleUpToTheCap() {
        long[] steps = new long[9];
        for (int retry = 1; retry <= 9; retry++) {
            steps[retry - 1] = TimeUnit.NANOSECONDS.toMillis(backoff.stepNanos(retry));
        }

        assertThat(steps).containsExactly(25, 50, 100, 200, 400, 400, 400, 400, 400);
    }

    @Test
    void delayNanos_anyRetry_isBetweenHalfTheStepAndTheStep() {
        for (int i = 0; i < 1_000; i++) {
            int retry = 1 + i % 8;
            long step = backoff.stepNanos(retry);

            long delay = backoff.delayNanos(retry);

            assertThat(delay).as(REPLAY).isBetween(step / 2, step);
        }
    }

    @Test
    void delayNanos_sameSeed_repeatsTheSameDelays() {
        Backoff again = Backoff.onSharedScheduler(Duration.ofMillis(25), Duration.ofMillis(400), 8,
                new SplittableRandom(42));
        Backoff twin = Backoff.onSharedScheduler(Duration.ofMillis(25), Duration.ofMillis(400), 8,
                new SplittableRandom(42));

        long[] first = {again.delayNanos(1), again.delayNanos(2), again.delayNanos(3)};

        assertThat(first).containsExactly(twin.delayNanos(1), twin.delayNanos(2), twin.delayNanos(3));
    }

    @Test
    void allows_retriesPastTheBudget_isFalse() {
        assertThat(backoff.allows(8)).isTrue();
        assertThat(backoff.allows(9)).isFalse();
    }

    @Test
    void retry_onTheScheduler_runsTheNextAttemptOnASchedulerThread() {
        Thread caller = Thread.currentThread();

        CompletableFuture<Thread> ran = backoff.retry(1, () -> CompletableFuture.completedFuture(Thread.currentThread()));

        assertThat(ran.join()).isNotSameAs(caller);
    }

    @Test
    void retry_schedulerShutDown_failsTheFutureInsteadOfThrowing() {
        ScheduledExecutorService closed = Executors.newSingleThreadScheduledExecutor();
        closed.shutdown();
        Backoff onClosed = Backoff.on(closed, Duration.ofMillis(1), Duration.ofMillis(1), 1, new SplittableRandom(1));

        CompletableFuture<String> result = onClosed.retry(1, () -> CompletableFuture.completedFuture("never"));

        assertThat(result).isCompletedExceptionally();
    }
}
