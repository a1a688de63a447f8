package dev.limiter;

import dev.limiter.backend.ChargeOutcome;
import dev.limiter.backend.ChargeRequest;
import dev.limiter.testkit.ForwardingBackend;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Waiting for tokens: cancellation and timeouts of async waits, interrupts of blocking ones, unbounded waits. */
class RateLimiterWaitTest {

    private static final Limit RPS = Limit.perSecond("rps", 1);
    private static final AcquireRequest ONE = AcquireRequest.of("u1", "api").consume("rps", 1).withLimits(RPS);

    private final ManualClock clock = ManualClock.create();
    private final PendingSleeper sleeper = new PendingSleeper();
    private final GatedBackend backend = new GatedBackend();

    // ---- cancellation and timeouts of async waits ----

    @Test
    void acquireAsyncWithWait_cancelledWhileWaiting_takesNoToken() {
        RateLimiter limiter = limiter();
        limiter.acquire(ONE);
        CompletableFuture<Lease> waiting = limiter.acquireAsync(ONE, Duration.ofSeconds(10));

        waiting.cancel(true);
        clock.advance(Duration.ofSeconds(1));
        sleeper.fireAll();

        assertThat(waiting).isCancelled();
        assertThat(limiter.tryAcquire(ONE).isGranted()).as("the token refilled meanwhile is still there").isTrue();
    }

    @Test
    void acquireAsyncWithWait_timedOutWhileWaiting_takesNoToken() {
        RateLimiter limiter = limiter();
        limiter.acquire(ONE);
        CompletableFuture<Lease> waiting = limiter.acquireAsync(ONE, Duration.ofSeconds(10))
                .orTimeout(1, TimeUnit.MILLISECONDS);

        // The sleeper never fires on its own, so the timeout certainly comes first.
        Throwable timedOut = catchThrowable(waiting::join);
        clock.advance(Duration.ofSeconds(1));
        sleeper.fireAll();

        assertThat(timedOut).hasCauseInstanceOf(TimeoutException.class);
        assertThat(limiter.tryAcquire(ONE).isGranted()).as("the token refilled meanwhile is still there").isTrue();
    }

    @Test
    void acquireAsyncWithWait_cancelledWhileAttemptInFlight_rollsBackTheLateLease() {
        RateLimiter limiter = limiter();
        backend.gate();
        CompletableFuture<Lease> waiting = limiter.acquireAsync(ONE, Duration.ofSeconds(10));

        waiting.cancel(true);
        backend.release();

        assertThat(waiting).isCancelled();
        assertThat(limiter.tryAcquire(ONE).isGranted()).as("the late lease gave its token back").isTrue();
    }

    @Test
    void acquireAsyncWithWait_cancelled_schedulesNoFurtherRetry() {
        RateLimiter limiter = limiter();
        limiter.acquire(ONE);
        CompletableFuture<Lease> waiting = limiter.acquireAsync(ONE, Duration.ofSeconds(10));

        waiting.cancel(true);
        clock.advance(Duration.ofSeconds(1));
        sleeper.fireAll();

        assertThat(sleeper.pending()).as("delays requested after cancellation").isZero();
        assertThat(backend.charges()).as("charges: the first acquire and the one rejected attempt").isEqualTo(2);
    }

    @Test
    void acquireAsyncWithWait_notCancelled_retriesAndGrants() {
        RateLimiter limiter = limiter();
        limiter.acquire(ONE);
        CompletableFuture<Lease> waiting = limiter.acquireAsync(ONE, Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(1));
        sleeper.fireAll();

        assertThat(waiting).isCompleted();
        assertThat(waiting.join().charged()).containsEntry("rps", 1L);
    }

    // ---- blocking waits ----

    @Test
    void acquireWithWait_interrupted_restoresFlagAndThrowsInterruptedNotRejection() {
        RateLimiter limiter = limiter();
        limiter.acquire(ONE);
        Thread.currentThread().interrupt();

        Throwable thrown = catchThrowable(() -> limiter.toBuilder().sleeper(Sleeper.system()).build()
                .acquire(ONE, Duration.ofSeconds(30)));
        boolean interrupted = Thread.interrupted();

        assertThat(interrupted).isTrue();
        assertThat(thrown).isInstanceOf(RateLimiterInterruptedException.class)
                .isNotInstanceOf(RateLimitExceededException.class)
                .hasCauseInstanceOf(InterruptedException.class)
                .hasMessageContaining("entity 'u1' resource 'api'");
    }

    @Test
    void acquireWithWait_foreverMaxWait_waitsInsteadOfOverflowing() {
        RateLimiter limiter = limiter().toBuilder().sleeper(clock.sleeper()).build();
        limiter.acquire(ONE);

        Lease lease = limiter.acquire(ONE, ChronoUnit.FOREVER.getDuration());

        assertThat(lease.charged()).containsEntry("rps", 1L);
    }

    @Test
    void acquireAsyncWithWait_foreverMaxWait_waitsInsteadOfOverflowing() {
        RateLimiter limiter = limiter().toBuilder().sleeper(clock.sleeper()).build();
        limiter.acquire(ONE);

        CompletableFuture<Lease> lease = limiter.acquireAsync(ONE, ChronoUnit.FOREVER.getDuration());

        assertThat(lease.join().charged()).containsEntry("rps", 1L);
    }

    @Test
    void acquireWithWait_retryAfterBeyondMaxWait_throwsRejectionAtOnce() {
        RateLimiter limiter = limiter();
        limiter.acquire(ONE);

        assertThatThrownBy(() -> limiter.acquire(ONE, Duration.ofMillis(500)))
                .isInstanceOf(RateLimitExceededException.class);
        assertThat(sleeper.pending()).isZero();
    }

    private RateLimiter limiter() {
        return RateLimiter.builder().backend(backend).namespace("ns").clock(clock).sleeper(sleeper)
                .executor(Runnable::run).build();
    }

    /** A sleeper whose delays complete only when the test fires them; blocking sleeps are not expected. */
    private static final class PendingSleeper implements Sleeper {
        private final List<CompletableFuture<Void>> delays = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            throw new UnsupportedOperationException("the async tests never block");
        }

        @Override
        public synchronized CompletableFuture<Void> delay(Duration duration) {
            CompletableFuture<Void> delay = new CompletableFuture<>();
            delays.add(delay);
            return delay;
        }

        /** Completes every pending delay (and any requested while doing so). */
        void fireAll() {
            List<CompletableFuture<Void>> due;
            synchronized (this) {
                due = new ArrayList<>(delays);
                delays.clear();
            }
            due.forEach(delay -> delay.complete(null));
        }

        synchronized int pending() {
            return delays.size();
        }
    }

    /** An in-memory backend whose charges can be held back until released, and counted. */
    private static final class GatedBackend extends ForwardingBackend {
        private final List<Runnable> held = new ArrayList<>();
        private boolean gated;
        private int charges;

        synchronized void gate() {
            gated = true;
        }

        void release() {
            List<Runnable> due;
            synchronized (this) {
                gated = false;
                due = new ArrayList<>(held);
                held.clear();
            }
            due.forEach(Runnable::run);
        }

        synchronized int charges() {
            return charges;
        }

        @Override
        public CompletableFuture<ChargeOutcome> charge(ChargeRequest request) {
            synchronized (this) {
                charges++;
                if (gated) {
                    CompletableFuture<ChargeOutcome> later = new CompletableFuture<>();
                    held.add(() -> delegate().charge(request)
                            .whenComplete((value, failure) -> later.complete(value)));
                    return later;
                }
            }
            return delegate().charge(request);
        }
    }
}
