package dev.limiter.allowance;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.LocalAllowance;
import dev.limiter.LocalAllowanceEvent;
import dev.limiter.LocalTier;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterListener;
import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.LimitState;
import dev.limiter.internal.Futures;
import dev.limiter.memory.InMemoryBackend;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The local tier on a {@link ManualClock} with no sweeper thread, so that every reservation, grant and return is
 * deterministic; backend requests are counted by {@link CountingBackend}.
 */
class LocalTierTest {

    private static final Duration HOLD = Duration.ofSeconds(1);
    /** 100 tokens per second, half of them holdable by one process: at most 50 held. */
    private static final Limit RPS = Limit.perSecond("rps", 100).withLocalAllowance(LocalAllowance.of(0.5, HOLD));
    private static final Limit EXACT = Limit.perSecond("exact", 100);

    private final ManualClock clock = ManualClock.create();
    private final InMemoryBackend memory = InMemoryBackend.create();
    private final CountingBackend backend = new CountingBackend(memory);
    private final List<LocalAllowanceEvent> events = new ArrayList<>();
    private final RateLimiter limiter = RateLimiter.builder().backend(backend).namespace("ns").clock(clock)
            .sleeper(clock.sleeper()).executor(Runnable::run)
            .localTier(LocalTier.defaults().withSweepInterval(Duration.ZERO))
            .listener(new RateLimiterListener() {
                @Override
                public void onLocalAllowance(LocalAllowanceEvent event) {
                    events.add(event);
                }
            }).build();

    @Test
    void acquires_batchesDoubleWithDemand_andAreServedLocally() {
        // Frozen time: the decayed demand is the demand so far, so batches go 1, 2, 4, 8.
        for (int i = 0; i < 15; i++) {
            Lease lease = limiter.acquire(request("u1", RPS, 1));
            assertThat(lease.servedLocally()).isTrue();
            assertThat(lease.statuses()).allMatch(LimitStatus::servedLocally);
            lease.commit();
        }

        assertThat(backend.charges).hasValue(4);
        assertThat(events).extracting(LocalAllowanceEvent::tokens).containsExactly(1L, 2L, 4L, 8L);
        assertThat(counters("u1")).isEqualTo(new AllowanceCounters(key("u1"), "rps", 15, 15, 0, 0, 0));
        assertThat(shared("u1").consumedTokens()).isEqualTo(15);
    }

    @Test
    void localGrant_statusAvailable_isTheSharedStatePlusWhatIsHeld() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire(request("u1", RPS, 1)).commit();
        }
        // Reserved 1 + 2 + 4 = 7, granted 4: the shared bucket shows 93, this process holds 3 of them.
        Lease fifth = limiter.acquire(request("u1", RPS, 1));

        assertThat(fifth.statuses().get(0).available()).isEqualTo(95);
        assertThat(limiter.explain(request("u1", RPS, 1)).buckets().get(0).limits().get(0).heldLocally())
                .isEqualTo(2);
    }

    @Test
    void limitWithoutAllowance_isChargedExactly() {
        for (int i = 0; i < 3; i++) {
            Lease lease = limiter.acquire(AcquireRequest.of("u1", "llm").consume("rps", 1).consume("exact", 1)
                    .withLimits(RPS, EXACT));
            assertThat(lease.servedLocally()).isFalse();
            lease.commit();
        }

        assertThat(backend.charges).hasValue(3);
        assertThat(limiter.localTier().orElseThrow().ledger()).isEmpty();
    }

    @Test
    void concurrentMisses_waitForOneReservation() {
        backend.hold();
        List<CompletableFuture<Decision>> decisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            decisions.add(limiter.tryAcquireAsync(request("u1", RPS, 1)));
        }

        assertThat(backend.charges).as("charges while the first reservation is in flight").hasValue(1);
        assertThat(decisions).noneMatch(CompletableFuture::isDone);
        backend.release();

        assertThat(decisions).allMatch(d -> Futures.join(d).isGranted());
        AllowanceCounters ledger = counters("u1");
        assertThat(ledger.grantedLocally()).isEqualTo(3);
        assertThat(ledger.reserved() - ledger.returned()).isEqualTo(ledger.grantedLocally() + ledger.held());
        assertThat(shared("u1").consumedTokens()).isEqualTo(ledger.reserved());
    }

    @Test
    void slowReservations_getBatchesThatCoverTheirLatency() {
        // Each reservation takes three batch intervals to land: a batch of one interval's demand would run out long
        // before the next could land, so the second batch covers three intervals.
        backend.beforeCharge = () -> clock.advance(LocalTier.DEFAULT_BATCH_INTERVAL.multipliedBy(3));
        limiter.acquire(request("u1", RPS, 1)).commit();
        limiter.acquire(request("u1", RPS, 1)).commit();

        // Demand at the second reservation: 1 × e^-3 + 1 ≈ 1.05 per interval, × 3 intervals of latency → 4 (not 2).
        assertThat(events).extracting(LocalAllowanceEvent::tokens).containsExactly(1L, 4L);
        assertThat(counters("u1").grantedLocally()).isEqualTo(2);
    }

    @Test
    void chargeAfterAWait_isJudgedWhenItIsMade_soNoTokenOutlivesItsHold() {
        backend.hold();
        CompletableFuture<Decision> first = limiter.tryAcquireAsync(request("u1", RPS, 1));
        CompletableFuture<Decision> waiter = limiter.tryAcquireAsync(request("u1", RPS, 1));
        // The reservation (stamped when it was sent) lands after longer than maxHold: its tokens have expired.
        clock.advance(HOLD.plusMillis(500));
        backend.release();

        assertThat(List.of(first, waiter)).allMatch(d -> Futures.join(d).isGranted());
        assertThat(events).filteredOn(e -> e.kind() == LocalAllowanceEvent.Kind.RETURNED)
                .extracting(LocalAllowanceEvent::reason, LocalAllowanceEvent::tokens)
                .containsExactly(tuple(LocalAllowanceEvent.ReturnReason.EXPIRED, 1L));
        AllowanceCounters ledger = counters("u1");
        assertThat(ledger.grantedLocally()).isEqualTo(2);
        assertThat(ledger.reserved() - ledger.returned()).isEqualTo(ledger.grantedLocally() + ledger.held());
    }

    @Test
    void heldTokens_goBackAfterMaxHold_onSweepAndLazily() {
        for (int i = 0; i < 16; i++) {
            limiter.acquire(request("u1", RPS, 1)).commit(); // the 16th reserves 16: 15 held
        }
        assertThat(counters("u1").held()).isEqualTo(15);

        // Keep the pool busy (idle allowances go back after two batch intervals) up to 1 ns before the hold ends.
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMillis(150));
            assertThat(limiter.acquire(request("u1", RPS, 1)).servedLocally()).isTrue();
        }
        clock.advance(Duration.ofMillis(100).minusNanos(1));
        limiter.localTier().orElseThrow().sweep();
        assertThat(counters("u1").held()).as("still within the hold").isEqualTo(9);

        clock.advance(Duration.ofNanos(1));
        limiter.localTier().orElseThrow().sweep();
        assertThat(counters("u1")).isEqualTo(new AllowanceCounters(key("u1"), "rps", 31, 22, 9, 0, 0));
        assertThat(shared("u1").consumedTokens()).isEqualTo(22);
        assertThat(events.get(events.size() - 1).reason()).isEqualTo(LocalAllowanceEvent.ReturnReason.EXPIRED);

        // Lazily: an expired chunk is returned by the next acquire that touches the pool, which reserves anew.
        for (int i = 0; i < 16; i++) {
            limiter.acquire(request("u2", RPS, 1)).commit();
        }
        clock.advance(HOLD);
        int settles = backend.settles.get();
        limiter.acquire(request("u2", RPS, 1)).commit();
        assertThat(backend.settles.get() - settles).isEqualTo(1);
        AllowanceCounters u2 = counters("u2");
        assertThat(u2.returned()).isEqualTo(15);
        assertThat(u2.reserved() - u2.returned()).isEqualTo(u2.grantedLocally() + u2.held());
    }

    @Test
    void idleAllowances_goBackWhenDemandDrops() {
        for (int i = 0; i < 16; i++) {
            limiter.acquire(request("u1", RPS, 1)).commit();
        }
        clock.advance(Duration.ofMillis(199));
        limiter.localTier().orElseThrow().sweep();
        assertThat(counters("u1").held()).isEqualTo(15);

        clock.advance(Duration.ofMillis(1));
        limiter.localTier().orElseThrow().sweep();
        assertThat(counters("u1")).isEqualTo(new AllowanceCounters(key("u1"), "rps", 31, 16, 15, 0, 0));
        assertThat(events.get(events.size() - 1).reason()).isEqualTo(LocalAllowanceEvent.ReturnReason.IDLE);
    }

    @Test
    void failedReturn_staysChargedInTheLedger_andIsReported() {
        for (int i = 0; i < 16; i++) {
            limiter.acquire(request("u1", RPS, 1)).commit();
        }
        backend.failSettles = true;
        limiter.close();

        assertThat(counters("u1")).isEqualTo(new AllowanceCounters(key("u1"), "rps", 31, 16, 0, 15, 0));
        assertThat(shared("u1").consumedTokens()).as("the table still holds the reservation")
                .isEqualTo(31);
        LocalAllowanceEvent last = events.get(events.size() - 1);
        assertThat(last.kind()).isEqualTo(LocalAllowanceEvent.Kind.RETURN_FAILED);
        assertThat(last.tokens()).isEqualTo(15);
        assertThat(last.reason()).isEqualTo(LocalAllowanceEvent.ReturnReason.CLOSED);
    }

    @Test
    void close_returnsEverything_andLaterAcquiresAreExact() {
        for (int i = 0; i < 16; i++) {
            limiter.acquire(request("u1", RPS, 1)).commit();
        }
        limiter.close();

        assertThat(counters("u1")).isEqualTo(new AllowanceCounters(key("u1"), "rps", 31, 16, 15, 0, 0));
        assertThat(shared("u1").consumedTokens()).isEqualTo(16);
        assertThat(events.get(events.size() - 1).reason()).isEqualTo(LocalAllowanceEvent.ReturnReason.CLOSED);
        Lease after = limiter.acquire(request("u1", RPS, 1));
        assertThat(after.servedLocally()).isFalse();
        assertThat(shared("u1").consumedTokens()).isEqualTo(17);
    }

    @Test
    void adjustments_settleLocallyWhenThePoolCovers() {
        for (int i = 0; i < 16; i++) {
            limiter.acquire(request("u1", RPS, 1)).commit(); // 15 held
        }
        int settles = backend.settles.get();

        Lease refunded = limiter.acquire(request("u1", RPS, 1));
        refunded.rollback();
        assertThat(counters("u1").held()).as("the refund went back into the allowance").isEqualTo(15);

        Lease topped = limiter.acquire(request("u1", RPS, 1));
        topped.adjust("rps", 4);
        topped.commit();
        assertThat(counters("u1").held()).isEqualTo(10);
        assertThat(backend.settles.get()).as("no backend settle so far").isEqualTo(settles);

        Lease beyond = limiter.acquire(request("u1", RPS, 1));
        beyond.adjust("rps", 20);
        beyond.commit();
        assertThat(backend.settles.get() - settles).as("the part the pool cannot cover").isEqualTo(1);
        AllowanceCounters ledger = counters("u1");
        assertThat(ledger.held()).isZero();
        assertThat(ledger.reserved() - ledger.returned()).isEqualTo(ledger.grantedLocally() + ledger.held());
        // 16 + 1 + 5 + 9 (from the pool) + 12 (debt through the backend) = 43 consumed in the shared bucket.
        assertThat(shared("u1").consumedTokens()).isEqualTo(16 + 5 + 21);
    }

    @Test
    void nearExhaustion_fallsBackToExactCharges_withTheExactRetryAfter() {
        Limit small = Limit.perSecond("rps", 10).withLocalAllowance(LocalAllowance.of(0.5, HOLD));
        int granted = 0;
        Decision last = null;
        for (int i = 0; i < 20; i++) {
            last = limiter.tryAcquire(request("u1", small, 1));
            if (last instanceof Decision.Granted grant) {
                grant.lease().commit();
                granted++;
            }
        }

        assertThat(granted).as("every token of the shared bucket stays usable").isEqualTo(10);
        assertThat(last).isInstanceOf(Decision.Rejected.class);
        long exact = shared("u1").retryAfterNanos(1, clock.nanos());
        assertThat(((Decision.Rejected) last).retryAfter()).isEqualTo(Duration.ofNanos(exact)).isPositive();
        assertThat(counters("u1").held()).isZero();
    }

    private static AcquireRequest request(String entity, Limit limit, long amount) {
        return AcquireRequest.of(entity, "llm").consume(limit.name(), amount).withLimits(limit);
    }

    private static BucketKey key(String entity) {
        return new BucketKey("ns", entity, "llm");
    }

    private AllowanceCounters counters(String entity) {
        return limiter.localTier().orElseThrow().ledger().stream().filter(c -> c.key().equals(key(entity)))
                .findFirst().orElseThrow();
    }

    private LimitState shared(String entity) {
        return Futures.join(memory.read(List.of(key(entity)))).get(0).state().find("rps").orElseThrow();
    }
}
