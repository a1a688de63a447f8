package dev.limiter;

import dev.limiter.SwitchableBackend.Mode;
import dev.limiter.backend.Backend;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** API-level behaviour the backend contracts do not cover: builders, views, interrupts and executors. */
class RateLimiterTest {

    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final AcquireRequest ONE = AcquireRequest.of("u1", "api").consume("rpm", 1).withLimits(RPM);
    private static final AcquireRequest ALL = AcquireRequest.of("u1", "api").consume("rpm", 10).withLimits(RPM);

    private final ManualClock clock = ManualClock.create();
    private final Backend backend = InMemoryBackend.create();

    // ---- builders ----

    @Test
    void toBuilder_copy_keepsNamespaceAndPolicy() {
        RateLimiter limiter = builder().namespace("tenant-a").onUnavailable(OnUnavailable.ALLOW).build();

        RateLimiter copy = limiter.toBuilder().build();

        assertThat(copy.namespace()).isEqualTo("tenant-a");
        assertThat(copy.onUnavailable()).isEqualTo(OnUnavailable.ALLOW);
    }

    @Test
    void toBuilder_copy_sharesBackendAndClock() {
        RateLimiter limiter = builder().build();
        limiter.acquire(ALL);
        RateLimiter copy = limiter.toBuilder().build();

        Decision rejected = copy.tryAcquire(ONE);
        clock.advance(Duration.ofSeconds(6));
        Decision granted = copy.tryAcquire(ONE);

        assertThat(rejected.isGranted()).isFalse();
        assertThat(granted.isGranted()).isTrue();
    }

    @Test
    void toBuilder_copy_keepsListener() {
        AtomicInteger grants = new AtomicInteger();
        RateLimiter limiter = builder().listener(new RateLimiterListener() {
            @Override
            public void onGranted(Lease lease, Duration latency) {
                grants.incrementAndGet();
            }
        }).build();

        limiter.toBuilder().build().acquire(ONE);

        assertThat(grants).hasValue(1);
    }

    @Test
    void toBuilder_ofView_keepsTheViewsPolicy() {
        RateLimiter view = builder().build().withOnUnavailable(OnUnavailable.ALLOW);

        RateLimiter copy = view.toBuilder().build();

        assertThat(copy.onUnavailable()).isEqualTo(OnUnavailable.ALLOW);
    }

    @Test
    void toBuilder_changedCopy_leavesOriginalUnchanged() {
        RateLimiter limiter = builder().namespace("tenant-a").build();

        limiter.toBuilder().namespace("tenant-b").onUnavailable(OnUnavailable.ALLOW).build();

        assertThat(limiter.namespace()).isEqualTo("tenant-a");
        assertThat(limiter.onUnavailable()).isEqualTo(OnUnavailable.BLOCK);
    }

    @Test
    void build_builderChangedAfterwards_leavesBuiltLimiterUnchanged() {
        RateLimiterBuilder builder = builder().namespace("tenant-a");
        RateLimiter limiter = builder.build();
        limiter.acquire(ALL);

        builder.namespace("tenant-b").onUnavailable(OnUnavailable.ALLOW).backend(InMemoryBackend.create());

        assertThat(limiter.namespace()).isEqualTo("tenant-a");
        assertThat(limiter.onUnavailable()).isEqualTo(OnUnavailable.BLOCK);
        assertThat(limiter.tryAcquire(ONE).isGranted()).isFalse();
    }

    @Test
    void build_withoutBackend_givesEachLimiterItsOwnInMemoryBackend() {
        RateLimiterBuilder builder = RateLimiter.builder().clock(clock);
        RateLimiter first = builder.build();
        RateLimiter second = builder.build();
        first.acquire(ALL);

        Decision other = second.tryAcquire(ONE);

        assertThat(other.isGranted()).isTrue();
        assertThat(first.namespace()).isEqualTo("default");
    }

    @Test
    void withOnUnavailable_view_sharesCachesWithItsLimiter() {
        RateLimiter limiter = builder().build();
        limiter.acquire(ONE);

        limiter.withOnUnavailable(OnUnavailable.ALLOW).acquire(ONE);

        assertThat(limiter.cacheStats().hits()).isPositive();
    }

    // ---- blocking waits ----

    @Test
    void acquireWithWait_sleepInterrupted_restoresInterruptFlagAndThrowsInterrupted() {
        RateLimiter limiter = builder().sleeper(new InterruptedSleeper()).build();
        limiter.acquire(ALL);

        Throwable thrown = catchThrowable(() -> limiter.acquire(ONE, Duration.ofSeconds(30)));
        boolean interrupted = Thread.interrupted();

        assertThat(interrupted).isTrue();
        assertThat(thrown).isInstanceOfSatisfying(RateLimiterInterruptedException.class,
                e -> assertThat(e.entity()).isEqualTo("u1"));
    }

    @Test
    void acquireWithWait_negativeMaxWait_isRejectedNamingIt() {
        RateLimiter limiter = builder().build();

        assertThatThrownBy(() -> limiter.acquire(ONE, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxWait must not be negative, got PT-1S");
    }

    @Test
    void acquireAsyncWithWait_negativeMaxWait_failsTheFutureInsteadOfThrowing() {
        RateLimiter limiter = builder().build();

        CompletableFuture<Lease> future = limiter.acquireAsync(ONE, Duration.ofSeconds(-1));

        assertThat(future).isCompletedExceptionally();
    }

    // ---- withLease and withLeaseAsync ----

    @Test
    void withLeaseAsync_grant_runsWorkOnTheConfiguredExecutor() {
        List<Runnable> tasks = new ArrayList<>();
        RateLimiter limiter = builder().executor(tasks::add).build();
        AtomicBoolean ran = new AtomicBoolean();

        CompletableFuture<String> result = limiter.withLeaseAsync(ONE, lease -> {
            ran.set(true);
            return CompletableFuture.completedFuture("done");
        });
        boolean ranBeforeExecutor = ran.get();
        tasks.forEach(Runnable::run);

        assertThat(ranBeforeExecutor).isFalse();
        assertThat(tasks).hasSize(1);
        assertThat(result).isCompletedWithValue("done");
    }

    @Test
    void withLeaseAsync_rejected_neverRunsWork() {
        RateLimiter limiter = builder().build();
        limiter.acquire(ALL);
        AtomicBoolean ran = new AtomicBoolean();

        CompletableFuture<String> result = limiter.withLeaseAsync(ONE, lease -> {
            ran.set(true);
            return CompletableFuture.completedFuture("done");
        });

        assertThat(ran).isFalse();
        assertThatThrownBy(result::join).hasCauseInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void withLeaseAsync_workThrowsBeforeReturningAStage_rollsBackAndFailsWithIt() {
        RateLimiter limiter = builder().build();

        CompletableFuture<String> result = limiter.withLeaseAsync(ALL, lease -> {
            throw new IllegalStateException("work failed");
        });

        assertThatThrownBy(result::join).hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("work failed");
        assertThat(limiter.tryAcquire(ALL).isGranted()).isTrue();
    }

    @Test
    void withLease_workSettledTheLeaseItself_isLeftAlone() {
        RateLimiter limiter = builder().build();

        String result = limiter.withLease(ALL, lease -> {
            lease.rollback();
            return "rolled back by work";
        });

        assertThat(result).isEqualTo("rolled back by work");
        assertThat(limiter.tryAcquire(ALL).isGranted()).isTrue();
    }

    @Test
    void withLease_rollbackFailsAfterWorkThrew_throwsWorkFailureWithSettleFailureSuppressed() {
        SwitchableBackend switchable = new SwitchableBackend();
        RateLimiter limiter = builder().backend(switchable).build();

        Throwable thrown = catchThrowable(() -> limiter.withLease(ONE, lease -> {
            switchable.switchTo(Mode.SETTLE_DOWN);
            throw new IllegalStateException("work failed");
        }));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("work failed");
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(RateLimiterUnavailableException.class);
    }

    private RateLimiterBuilder builder() {
        return RateLimiter.builder().backend(backend).namespace("ns").clock(clock).sleeper(clock.sleeper())
                .executor(Runnable::run);
    }

    /** A sleeper whose blocking waits are always interrupted. */
    private static final class InterruptedSleeper implements Sleeper {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            throw new InterruptedException("test interrupt");
        }

        @Override
        public CompletableFuture<Void> delay(Duration duration) {
            return new CompletableFuture<>();
        }
    }
}
