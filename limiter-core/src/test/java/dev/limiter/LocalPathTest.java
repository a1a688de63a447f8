package dev.limiter;

import dev.limiter.backend.Backend;
import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.BucketState;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import dev.limiter.internal.Futures;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ManualClock;
import dev.limiter.testkit.SeededRandom;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-memory fast path (issue 11): which acquires take it, the life cycle of its {@link LocalLease}, and a seeded
 * comparison of random operation sequences run through it and through the general SPI path on the same clock.
 */
class LocalPathTest {

    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 1_000);

    private final ManualClock clock = ManualClock.create();
    private final InMemoryBackend backend = InMemoryBackend.create();
    private final RateLimiter limiter = limiterOn(backend);

    // ---- which path ----

    @Test
    void acquire_oneBucketOnInMemoryBackend_grantsLocalLease() {
        Lease lease = limiter.acquire(llmCall(100));

        assertThat(lease).isInstanceOf(LocalLease.class);
        assertThat(lease.charged()).containsEntry("rpm", 1L).containsEntry("tpm", 100L);
    }

    @Test
    void acquire_cascadingEntity_takesGeneralPathAndChargesBothBuckets() {
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("team", "org").withCascade(true));
        limiter.configs().set(ConfigScope.entityDefault("org"), LimitConfig.of(RPM));

        Lease lease = limiter.acquire(AcquireRequest.of("team", "llm").consume("rpm", 3).withLimits(RPM));

        assertThat(lease).isInstanceOf(BackendLease.class);
        assertThat(stored("org").find("rpm").orElseThrow().consumedTokens()).isEqualTo(3);
        assertThat(stored("team").find("rpm").orElseThrow().consumedTokens()).isEqualTo(3);
    }

    @Test
    void acquire_backendWithoutLocalBuckets_grantsBackendLease() {
        RateLimiter general = limiterOn(new SwitchableBackend());

        assertThat(general.acquire(llmCall(100))).isInstanceOf(BackendLease.class);
    }

    @Test
    void acquire_afterItsBucketWasEvicted_chargesTheKeysNewBucket() {
        InMemoryBackend evicting = InMemoryBackend.withIdleEviction(Duration.ofMinutes(1));
        RateLimiter small = limiterOn(evicting);
        small.acquire(llmCall(100)).commit();
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 300; i++) { // creating buckets sweeps the table; u1's has been full for minutes
            small.acquire(AcquireRequest.of("other-" + i, "llm").consume("rpm", 1).withLimits(RPM)).commit();
        }

        small.acquire(llmCall(100)).commit();

        // The counter restarted: the plan's remembered bucket was retired and the key's new bucket was charged.
        assertThat(state(evicting, "u1").find("tpm").orElseThrow().consumedTokens()).isEqualTo(100);
    }

    // ---- the local lease ----

    @Test
    void commit_adjustedLocalLease_settlesNetAndReportsIt() {
        Lease lease = limiter.acquire(llmCall(100));
        lease.adjust("tpm", 300);
        lease.adjust("tpm", -50);

        lease.commit();

        assertThat(lease.isOpen()).isFalse();
        assertThat(lease.charged()).containsEntry("tpm", 350L).containsEntry("rpm", 1L);
        assertThat(available(TPM)).isEqualTo(650);
    }

    @Test
    void commit_refundBeyondCharge_refundsOnlyWhatWasCharged() {
        Lease lease = limiter.acquire(llmCall(100));
        lease.adjust("tpm", -5_000);

        lease.commit();

        assertThat(lease.charged()).containsEntry("tpm", 0L);
        assertThat(available(TPM)).isEqualTo(1_000);
        assertThat(stored("u1").find("tpm").orElseThrow().consumedTokens()).isZero();
    }

    @Test
    void rollback_afterLocalAdjustments_refundsWholeChargeAndDropsThem() {
        Lease lease = limiter.acquire(llmCall(100));
        lease.adjust("tpm", 400);

        lease.rollback();

        assertThat(lease.isOpen()).isFalse();
        assertThat(available(TPM)).isEqualTo(1_000);
        assertThat(available(RPM)).isEqualTo(10);
    }

    @Test
    void adjust_limitThatAppliesButWasNotCharged_chargesItOnCommit() {
        Lease lease = limiter.acquire(AcquireRequest.of("u1", "llm").consume("rpm", 1).withLimits(RPM, TPM));
        lease.adjust("rpm", 1);
        lease.adjust("tpm", 200);

        lease.commit();

        assertThat(available(RPM)).isEqualTo(8);
        assertThat(available(TPM)).isEqualTo(800);
    }

    @Test
    void settledLocalLease_adjustCommitOrRollback_throwsAndCloseDoesNothing() {
        Lease committed = limiter.acquire(llmCall(100));
        committed.close();
        Lease adjusted = limiter.acquire(llmCall(100));
        adjusted.adjust("tpm", 1);
        adjusted.commit();

        assertThatThrownBy(() -> committed.adjust("tpm", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already committed");
        assertThatThrownBy(committed::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(adjusted::rollback).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> adjusted.adjust("tpm", 1)).isInstanceOf(IllegalStateException.class);
        committed.close();
        adjusted.close();
        assertThat(available(TPM)).isEqualTo(1_000 - 100 - 101);
    }

    @Test
    void adjust_amountOutOfRange_throwsNamingTheLimit() {
        Lease lease = limiter.acquire(llmCall(100));

        assertThatThrownBy(() -> lease.adjust("tpm", Limit.MAX_TOKENS + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adjustment of 'tpm'");
    }

    // ---- same behaviour as the general path ----

    @Test
    void randomSequences_localPathAndGeneralPath_agreeStepByStep() {
        SeededRandom.run("LocalPathTest#randomSequences_localPathAndGeneralPath_agreeStepByStep",
                random -> new Twins(random).run(2_000));
    }

    /** Two limiters on one clock, one on the fast path, one on the SPI only, driven by the same random operations. */
    private final class Twins {
        private final SplittableRandom random;
        private final SwitchableBackend generalBackend = new SwitchableBackend();
        private final RateLimiter general = limiterOn(generalBackend);
        private final List<Lease[]> open = new ArrayList<>();

        Twins(SplittableRandom random) {
            this.random = random;
        }

        void run(int operations) {
            for (int step = 0; step < operations; step++) {
                int choice = random.nextInt(10);
                if (choice < 4) {
                    acquire(step);
                } else if (choice < 6 && !open.isEmpty()) {
                    Lease[] pair = open.get(random.nextInt(open.size()));
                    String name = random.nextBoolean() ? "a" : "b";
                    long delta = random.nextLong(-300, 600);
                    pair[0].adjust(name, delta);
                    pair[1].adjust(name, delta);
                } else if (choice < 8 && !open.isEmpty()) {
                    Lease[] pair = open.remove(random.nextInt(open.size()));
                    boolean commit = random.nextBoolean();
                    settle(pair[0], commit);
                    settle(pair[1], commit);
                    assertThat(pair[0].charged()).as("step %d charged", step).isEqualTo(pair[1].charged());
                } else {
                    clock.advanceNanos(random.nextLong(1, 20_000_000_000L));
                }
                assertThat(state(backend)).as("step %d bucket", step).isEqualTo(state(generalBackend.healthyView()));
            }
        }

        private void acquire(int step) {
            // Request limits whose parameters change now and then, so that buckets are reconciled.
            long capacity = random.nextInt(4) == 0 ? 500 + random.nextInt(1_000) : 1_000;
            AcquireRequest request = AcquireRequest.of("u1", "llm").consume("a", 1 + random.nextInt(20))
                    .consume("b", 1 + random.nextInt(capacity > 600 ? 600 : (int) capacity))
                    .withLimits(Limit.perMinute("a", 60), Limit.of("b", capacity, 1_000, Duration.ofMinutes(1)));
            Decision local = limiter.tryAcquire(request);
            Decision other = general.tryAcquire(request);
            assertThat(local.isGranted()).as("step %d granted", step).isEqualTo(other.isGranted());
            if (local instanceof Decision.Granted granted) {
                Lease twin = ((Decision.Granted) other).lease();
                assertThat(granted.lease().statuses()).as("step %d statuses", step).isEqualTo(twin.statuses());
                open.add(new Lease[] {granted.lease(), twin});
            } else {
                assertThat(local).as("step %d rejection", step).isEqualTo(other);
            }
        }

        private void settle(Lease lease, boolean commit) {
            if (commit) {
                lease.commit();
            } else {
                lease.rollback();
            }
        }
    }

    private RateLimiter limiterOn(Backend target) {
        return RateLimiter.builder().backend(target).clock(clock).sleeper(clock.sleeper()).executor(Runnable::run)
                .build();
    }

    private static AcquireRequest llmCall(long tokens) {
        return AcquireRequest.of("u1", "llm").consume("rpm", 1).consume("tpm", tokens).withLimits(RPM, TPM);
    }

    private BucketState stored(String entity) {
        return state(backend, entity);
    }

    private BucketState state(Backend target) {
        return state(target, "u1");
    }

    private static BucketState state(Backend target, String entity) {
        BucketKey key = new BucketKey("default", entity, "llm");
        return Futures.join(target.read(List.of(key))).get(0).state();
    }

    private long available(Limit limit) {
        return stored("u1").stateFor(limit, clock.nanos()).availableTokens(clock.nanos());
    }
}
