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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackoffTest {

    private static final long SEED = Long.getLong("limiter.seed", new SplittableRandom().nextLong());
    private static final String REPLAY = "seed " + SEED + " (replay with -Dlimiter.seed=" + SEED + ")";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private static final RetryBudget BUDGET = new RetryBudget(Duration.ofMillis(25), Duration.ofMillis(400), 8,
            Duration.ofMillis(100), 20);

    private final Backoff backoff = Backoff.on(scheduler, BUDGET, new SplittableRandom(SEED));

    @AfterAll
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void stepNanos_successiveRetries_doubleUpToTheCap() {
        long[] steps = new long[9];
        for (int retry = 1; retry <= 9; retry++) {
            steps[retry - 1] = TimeUnit.NANOSECONDS.toMillis(backoff.stepNanos(WriteFailure.THROTTLED, retry));
        }

        assertThat(steps).containsExactly(25, 50, 100, 200, 400, 400, 400, 400, 400);
    }

    /** Issue 9, part C: a writer that waited longest must not poll a held item less often than a fresh one. */
    @Test
    void stepNanos_conflictRetries_stopGrowingAtTheConflictCap() {
        long[] steps = new long[6];
        for (int retry = 1; retry <= 6; retry++) {
            steps[retry - 1] = TimeUnit.NANOSECONDS.toMillis(backoff.stepNanos(WriteFailure.CONFLICT, retry));
        }

        assertThat(steps).containsExactly(25, 50, 100, 100, 100, 100);
    }

    @Test
    void stepNanos_conflictCapAboveTheCap_staysWithinTheCap() {
        Backoff wide = Backoff.on(scheduler, BUDGET.withConflicts(Duration.ofSeconds(5), 3), new SplittableRandom(1));

        assertThat(wide.stepNanos(WriteFailure.CONFLICT, 9)).isEqualTo(Duration.ofMillis(400).toNanos());
    }

    @Test
    void delayNanos_anyRetry_isBetweenHalfTheStepAndTheStep() {
        for (int i = 0; i < 1_000; i++) {
            int retry = 1 + i % 8;
            WriteFailure kind = i % 2 == 0 ? WriteFailure.CONFLICT : WriteFailure.THROTTLED;
            long step = backoff.stepNanos(kind, retry);

            long delay = backoff.delayNanos(kind, retry);

            assertThat(delay).as(REPLAY).isBetween(step / 2, step);
        }
    }

    @Test
    void delayNanos_sameSeed_repeatsTheSameDelays() {
        Backoff again = Backoff.onSharedScheduler(BUDGET, new SplittableRandom(42));
        Backoff twin = Backoff.onSharedScheduler(BUDGET, new SplittableRandom(42));
        WriteFailure kind = WriteFailure.THROTTLED;

        long[] first = {again.delayNanos(kind, 1), again.delayNanos(kind, 2), again.delayNanos(kind, 3)};

        assertThat(first).containsExactly(twin.delayNanos(kind, 1), twin.delayNanos(kind, 2),
                twin.delayNanos(kind, 3));
    }

    @Test
    void allows_throttlingRetriesPastTheBudget_isFalse() {
        assertThat(backoff.allows(WriteFailure.THROTTLED, 8)).isTrue();
        assertThat(backoff.allows(WriteFailure.THROTTLED, 9)).isFalse();
    }

    @Test
    void allows_conflictRetries_haveABudgetOfTheirOwn() {
        assertThat(backoff.allows(WriteFailure.CONFLICT, 20)).isTrue();
        assertThat(backoff.allows(WriteFailure.CONFLICT, 21)).isFalse();
    }

    @Test
    void retryBudget_capBelowBase_isRefusedNamingBoth() {
        assertThatThrownBy(() -> BUDGET.withBackoff(Duration.ofMillis(50), Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap PT0.01S must be at least base");
    }

    @Test
    void retryBudget_conflictRetriesOutOfRange_isRefusedNamingTheField() {
        assertThatThrownBy(() -> BUDGET.withConflicts(Duration.ofMillis(10), 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conflictRetries must be between 0");
    }

    @Test
    void retry_onTheScheduler_runsTheNextAttemptOnASchedulerThread() {
        Thread caller = Thread.currentThread();

        CompletableFuture<Thread> ran = backoff.retry(WriteFailure.CONFLICT, 1,
                () -> CompletableFuture.completedFuture(Thread.currentThread()));

        assertThat(ran.join()).isNotSameAs(caller);
    }

    @Test
    void retry_schedulerShutDown_failsTheFutureInsteadOfThrowing() {
        ScheduledExecutorService closed = Executors.newSingleThreadScheduledExecutor();
        closed.shutdown();
        Backoff onClosed = Backoff.on(closed, BUDGET.withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)),
                new SplittableRandom(1));

        CompletableFuture<String> result = onClosed.retry(WriteFailure.THROTTLED, 1, () -> CompletableFuture.completedFuture("never"));

        assertThat(result).isCompletedExceptionally();
    }
}
