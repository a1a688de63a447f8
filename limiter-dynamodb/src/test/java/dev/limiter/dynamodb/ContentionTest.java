package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.testkit.ConditionOutcomes;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.internal.Arithmetic;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 clients hammering one key from four limiter instances (each with its own backend, as separate processes would
 * have), on the real clock. Checks the admission bound over the observed window and the requests by cause.
 * With skewed clocks the bound grows by the skew times the rate, and no more.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentionTest {

    private static final int CLIENTS = 32;
    private static final int INSTANCES = 4;
    private static final int ATTEMPTS_PER_CLIENT = 25;
    private static final Limit RPM = Limit.perSecond("rps", 20).withBurst(10);

    private final ConditionOutcomes outcomes = new ConditionOutcomes("rps");
    private final TestTable table;

    ContentionTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint, outcomes);
    }

    @AfterAll
    void closeTable() {
        table.close();
    }

    /**
     * The admission bound, and the requests of 32 contending clients counted by cause rather than as a ratio: how
     * often a writer's branch guess is overtaken by the bucket crossing between idle and busy depends on the server's
     * speed (about 1.05 requests per acquire on a quiet machine, 1.12 to 1.28 under load), but what each request is
     * for does not. Every acquire sends one charge; a resend only follows a failed condition whose old image showed
     * the bucket on the other side of idle/busy (an inversion), at most once per inversion; a rejection is that
     * failed write alone, decided from its old image; nothing is read and nothing is retried by the SDK.
     */
    @Test
    void acquire_32ClientsOnOneKey_staysWithinBoundAndResendsOnlyAfterInversions() throws Exception {
        Run run = hammer(new long[] {0, 0, 0, 0});

        long bound = RPM.capacity() + RPM.tokensFor(run.windowNanos());
        assertThat(run.granted()).as("granted (bound %d over %d ms)", bound, run.windowNanos() / 1_000_000)
                .isLessThanOrEqualTo(bound).isPositive();
        assertThat(run.rejected()).as("the key was contended").isPositive();

        long requests = run.requests();
        long resends = requests - run.attempts();
        String counts = String.format("%d requests for %d acquires (%.3f each): %d applied, %d inversions, "
                        + "%d rejections, %d other failures; %s", requests, run.attempts(),
                (double) requests / run.attempts(), outcomes.applied(), outcomes.inversions(), outcomes.rejections(),
                outcomes.otherFailures(), table.log().counts());
        assertThat(table.log().operations()).as(counts).containsExactly("UpdateItem");
        assertThat(outcomes.otherFailures()).as(counts).isZero();
        assertThat(outcomes.applied()).as("one applied write per grant: " + counts).isEqualTo(run.granted());
        assertThat(resends).as("resends, each after an inversion: " + counts)
                .isBetween(0L, outcomes.inversions());
        assertThat(outcomes.inversions() + outcomes.rejections())
                .as("every failed condition is resent or is a rejection: " + counts)
                .isEqualTo(resends + run.rejected());
    }

    @Test
    void acquire_clientsWithSkewedClocks_overAdmitAtMostSkewTimesRate() throws Exception {
        long skewNanos = Duration.ofMillis(300).toNanos();
        Run run = hammer(new long[] {skewNanos / 2, -skewNanos / 2, skewNanos / 2, -skewNanos / 2});

        long bound = RPM.capacity() + RPM.tokensFor(run.windowNanos() + skewNanos);
        assertThat(run.granted()).as("granted (bound %d with %d ms skew)", bound, skewNanos / 1_000_000)
                .isLessThanOrEqualTo(bound).isPositive();
    }

    /** Outcome of a run. */
    private record Run(long granted, long rejected, long attempts, long requests, long windowNanos) {
    }

    /** Runs every client to completion; instance {@code i}'s clock is offset by {@code offsets[i]} nanoseconds. */
    private Run hammer(long[] offsets) throws Exception {
        String namespace = TestTable.uniqueNamespace("c");
        List<RateLimiter> limiters = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            RateLimiter limiter = RateLimiter.builder().backend(table.backend()).namespace(namespace)
                    .clock(offsetClock(offsets[i])).build();
            limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM));
            limiter.explain("hot", "api");
            limiters.add(limiter);
        }
        table.log().clear();
        outcomes.clear();
        AtomicLong granted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long begin;
        long end;
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                RateLimiter limiter = limiters.get(c % INSTANCES);
                clients.add(pool.submit(() -> client(limiter, start, granted, rejected)));
            }
            begin = Arithmetic.epochNanos(Instant.now());
            start.countDown();
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
            end = Arithmetic.epochNanos(Instant.now());
        } finally {
            pool.shutdownNow();
        }
        long attempts = (long) CLIENTS * ATTEMPTS_PER_CLIENT;
        return new Run(granted.get(), rejected.get(), attempts, table.log().total(), end - begin);
    }

    private static Void client(RateLimiter limiter, CountDownLatch start, AtomicLong granted, AtomicLong rejected)
            throws InterruptedException {
        start.await();
        for (int i = 0; i < ATTEMPTS_PER_CLIENT; i++) {
            Decision decision = limiter.tryAcquire(AcquireRequest.of("hot", "api").consume("rps", 1));
            if (decision instanceof Decision.Granted g) {
                g.lease().commit();
                granted.incrementAndGet();
            } else {
                rejected.incrementAndGet();
            }
        }
        return null;
    }

    private static InstantSource offsetClock(long offsetNanos) {
        InstantSource system = InstantSource.system();
        return () -> system.instant().plusNanos(offsetNanos);
    }
}
