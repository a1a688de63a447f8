package dev.limiter.cli.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The stop flag behind Ctrl-C: the hook's work is run by hand, no signal is sent. */
@Timeout(20)
class StopSignalTest {

    @Test
    void sleep_notStopped_waitsTheDuration() throws InterruptedException {
        StopSignal signal = new StopSignal();
        long start = System.nanoTime();

        signal.sleep(Duration.ofMillis(50));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(signal.stopped()).isFalse();
    }

    @Test
    void stop_wakesASleeperAtOnce() throws Exception {
        StopSignal signal = new StopSignal();
        CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> {
            try {
                signal.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        signal.stop();

        sleeping.get(5, TimeUnit.SECONDS);
        assertThat(signal.stopped()).isTrue();
        assertThat(signal.delay(Duration.ofMinutes(5))).isDone();
    }

    @Test
    void hook_raisesTheFlagAndReturnsOnlyAfterTheRunFinished() throws Exception {
        StopSignal signal = new StopSignal();
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean summaryPrinted = new AtomicBoolean();
        CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> signal.runStoppable(() -> {
            running.countDown();
            while (!signal.stopped()) {
                Thread.onSpinWait();
            }
            summaryPrinted.set(true);
            return "stopped cleanly";
        }));
        running.await();
        Thread hook = signal.hook();

        hook.start();
        hook.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(hook.isAlive()).isFalse();
        assertThat(summaryPrinted).isTrue();
        assertThat(run.get(5, TimeUnit.SECONDS)).isEqualTo("stopped cleanly");
    }
}
