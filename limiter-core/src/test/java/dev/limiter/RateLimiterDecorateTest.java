package dev.limiter;

import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decorate methods: acquire, run, commit or roll back, with no try/catch at the call site. */
class RateLimiterDecorateTest {

    private static final Limit RPM = Limit.perMinute("rpm", 2);
    private static final AcquireRequest ONE = AcquireRequest.of("u1", "api").consume("rpm", 1).withLimits(RPM);

    private final ManualClock clock = ManualClock.create();
    private final List<Runnable> tasks = new ArrayList<>();
    private final RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).clock(clock)
            .sleeper(clock.sleeper()).executor(tasks::add).build();

    @Test
    void decorateSupplier_withinLimit_runsTheWorkAndKeepsTheCharge() {
        Supplier<String> call = limiter.decorateSupplier(ONE, () -> "answer");

        String first = call.get();

        assertThat(first).isEqualTo("answer");
        assertThat(available()).isEqualTo(1);
    }

    @Test
    void decorateSupplier_overLimit_throwsWithoutRunningTheWork() {
        AtomicInteger runs = new AtomicInteger();
        Supplier<Integer> call = limiter.decorateSupplier(ONE, runs::incrementAndGet);
        call.get();
        call.get();

        assertThatThrownBy(call::get).isInstanceOf(RateLimitExceededException.class);
        assertThat(runs).hasValue(2);
    }

    @Test
    void decorateSupplier_workThrows_rollsBackAndRethrows() {
        Supplier<String> call = limiter.decorateSupplier(ONE, () -> {
            throw new IllegalStateException("model down");
        });

        assertThatThrownBy(call::get).isInstanceOf(IllegalStateException.class).hasMessage("model down");
        assertThat(available()).isEqualTo(2);
    }

    @Test
    void decorateCallable_checkedException_rollsBackAndRethrowsIt() {
        Callable<String> call = limiter.decorateCallable(ONE, () -> {
            throw new IOException("socket closed");
        });

        assertThatThrownBy(call::call).isInstanceOf(IOException.class).hasMessage("socket closed");
        assertThat(available()).isEqualTo(2);
    }

    @Test
    void decorateRunnable_withinLimit_runsAndCharges() {
        AtomicInteger runs = new AtomicInteger();

        limiter.decorateRunnable(ONE, runs::incrementAndGet).run();

        assertThat(runs).hasValue(1);
        assertThat(available()).isEqualTo(1);
    }

    @Test
    void decorateFunction_requestFromArgument_chargesTheArgumentsEntity() {
        Function<String, String> greet = limiter.decorateFunction(
                user -> AcquireRequest.of(user, "api").consume("rpm", 1).withLimits(RPM), user -> "hi " + user);

        String greeting = greet.apply("bob");

        assertThat(greeting).isEqualTo("hi bob");
        assertThat(limiter.check(AcquireRequest.of("bob", "api").consume("rpm", 2).withLimits(RPM)).allowed())
                .isFalse();
        assertThat(available()).as("u1 untouched").isEqualTo(2);
    }

    @Test
    void decorateCompletionStage_get_returnsBeforeTheWorkRunsAndCommitsAfter() {
        AtomicInteger runs = new AtomicInteger();
        Supplier<CompletableFuture<String>> call = limiter.decorateCompletionStage(ONE, () -> {
            runs.incrementAndGet();
            return CompletableFuture.completedFuture("async answer");
        });

        CompletableFuture<String> result = call.get();
        int runsBeforeExecutor = runs.get();
        tasks.forEach(Runnable::run);

        assertThat(runsBeforeExecutor).isZero();
        assertThat(result).isCompletedWithValue("async answer");
        assertThat(available()).isEqualTo(1);
    }

    @Test
    void decorateCompletionStage_overLimit_failsTheFutureAndNeverRunsTheWork() {
        limiter.acquire(AcquireRequest.of("u1", "api").consume("rpm", 2).withLimits(RPM));
        AtomicInteger runs = new AtomicInteger();

        CompletableFuture<String> result = limiter.decorateCompletionStage(ONE, () -> {
            runs.incrementAndGet();
            return CompletableFuture.completedFuture("never");
        }).get();
        tasks.forEach(Runnable::run);

        assertThat(runs).hasValue(0);
        assertThatThrownBy(result::join).hasCauseInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void decorateCompletionStage_stageFails_rollsBackAndFailsWithIt() {
        CompletableFuture<String> result = limiter.decorateCompletionStage(ONE,
                () -> CompletableFuture.<String>failedFuture(new IllegalStateException("late failure"))).get();
        tasks.forEach(Runnable::run);

        assertThatThrownBy(result::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(available()).isEqualTo(2);
    }

    private long available() {
        return limiter.check(ONE).statuses().get(0).available();
    }
}
