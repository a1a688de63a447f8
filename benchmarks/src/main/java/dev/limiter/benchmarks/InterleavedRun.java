package dev.limiter.benchmarks;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs contenders in alternating short rounds at one client count, so that whatever else the machine does hits
 * every contender alike. A round gives one contender the stage: all its clients start on one latch, run operations
 * back to back until the round's deadline, and the round ends when the last operation completes. The order of
 * contenders rotates from round to round, so none always follows the same one.
 *
 * <p>Each round also takes the CPU time this JVM spent during it (all threads: clients, SDK I/O, GC, compiler),
 * which isolates the client-side cost of each contender from the server's and from other processes' load.
 *
 * <p>Concurrency: only the clients of one contender run at a time. Client {@code i} records into its own histogram;
 * the round's totals are added by the calling thread after every client has finished.
 *
 * <p>Not thread-safe: one thread runs the rounds.
 */
final class InterleavedRun {

    private static final long ROUND_GRACE_SECONDS = 60;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final List<LatencyTally> tallies = new ArrayList<>();
    private final int clients;
    private final Duration round;
    private final ExecutorService pool;
    private final RequestCounter requests;

    /**
     * Prepares rounds of {@code round} for {@code contenders} with {@code clients} clients each, run on
     * {@code pool} (at least {@code clients} threads), counting HTTP requests with {@code requests}.
     */
    InterleavedRun(List<Contender> contenders, int clients, Duration round, ExecutorService pool,
                   RequestCounter requests) {
        for (Contender contender : contenders) {
            tallies.add(new LatencyTally(contender, clients));
        }
        this.clients = clients;
        this.round = round;
        this.pool = pool;
        this.requests = requests;
    }

    /** Runs rounds until every contender had {@code perContender} of them, then forgets the results. */
    void warmUp(Duration perContender) {
        runRounds(perContender);
        tallies.forEach(LatencyTally::reset);
    }

    /** Runs rounds until every contender had {@code perContender} of them; returns one result per contender. */
    List<LatencyResult> measure(Duration perContender) {
        runRounds(perContender);
        List<LatencyResult> results = new ArrayList<>();
        tallies.forEach(tally -> results.add(tally.result()));
        return results;
    }

    private void runRounds(Duration perContender) {
        long rounds = Math.max(1, perContender.toNanos() / round.toNanos());
        for (long r = 0; r < rounds; r++) {
            for (int i = 0; i < tallies.size(); i++) {
                runRound(tallies.get((int) ((r + i) % tallies.size())));
            }
        }
    }

    private void runRound(LatencyTally tally) {
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<Long>> running = new ArrayList<>(clients);
        for (int client = 0; client < clients; client++) {
            int index = client;
            running.add(pool.submit(() -> runClient(tally, index, start, deadline)));
        }
        long requestsBefore = requests.total();
        long cpuBefore = OS.getProcessCpuTime();
        long begin = System.nanoTime();
        deadline[0] = begin + round.toNanos();
        start.countDown();
        long operations = 0;
        for (Future<Long> client : running) {
            operations += await(client);
        }
        long end = System.nanoTime();
        tally.addRound(new LatencyTally.Round(operations, requests.total() - requestsBefore, end - begin,
                OS.getProcessCpuTime() - cpuBefore));
    }

    /** One client's loop; the deadline is written before the latch opens, which publishes it. */
    private static long runClient(LatencyTally tally, int client, CountDownLatch start, long[] deadline)
            throws InterruptedException {
        start.await();
        Contender contender = tally.contender();
        long operations = 0;
        long now = System.nanoTime();
        while (now < deadline[0]) {
            contender.run(client);
            long done = System.nanoTime();
            tally.record(client, done - now);
            operations++;
            now = done;
        }
        return operations;
    }

    private static long await(Future<Long> client) {
        try {
            return client.get(ROUND_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a client", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("a client did not finish its round within " + ROUND_GRACE_SECONDS + " s",
                    e);
        }
    }
}
