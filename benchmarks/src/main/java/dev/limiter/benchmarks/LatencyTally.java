package dev.limiter.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * What one contender accumulated over the measured rounds of one client count: a latency histogram per client (in
 * microseconds, merged only at the end so clients never share one), operations, requests, and the summed wall time
 * and client CPU time of its rounds.
 *
 * <p>Thread-safety: client {@code i} records only into its own histogram; the totals are added by the thread that
 * runs the rounds, after each round.
 */
final class LatencyTally {

    /** Longest recordable latency: one minute, in microseconds. */
    private static final long HIGHEST_MICROS = 60_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Contender contender;
    private final Histogram[] perClient;
    private long operations;
    private long requests;
    private long nanos;
    private long cpuNanos;

    /**
     * One finished round.
     *
     * @param operations operations completed
     * @param requests HTTP requests made
     * @param nanos wall time
     * @param cpuNanos CPU time of this JVM, all threads
     */
    record Round(long operations, long requests, long nanos, long cpuNanos) {
    }

    LatencyTally(Contender contender, int clients) {
        this.contender = contender;
        this.perClient = new Histogram[clients];
        for (int i = 0; i < clients; i++) {
            perClient[i] = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
        }
    }

    Contender contender() {
        return contender;
    }

    /** Records one operation of {@code client} that took {@code nanos}. */
    void record(int client, long elapsedNanos) {
        perClient[client].recordValue(Math.min(HIGHEST_MICROS, Math.max(1, elapsedNanos / 1_000)));
    }

    /** Adds a finished round. */
    void addRound(Round round) {
        operations += round.operations();
        requests += round.requests();
        nanos += round.nanos();
        cpuNanos += round.cpuNanos();
    }

    /** Forgets everything, after warm-up. */
    void reset() {
        for (Histogram histogram : perClient) {
            histogram.reset();
        }
        operations = 0;
        requests = 0;
        nanos = 0;
        cpuNanos = 0;
    }

    /** The result so far. */
    LatencyResult result() {
        Histogram all = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
        for (Histogram histogram : perClient) {
            all.add(histogram);
        }
        double seconds = nanos / 1e9;
        return new LatencyResult(contender.name(), perClient.length, operations, seconds,
                operations / seconds, (double) requests / operations, cpuNanos / 1e3 / operations,
                all.getValueAtPercentile(50), all.getValueAtPercentile(90), all.getValueAtPercentile(99),
                all.getMaxValue(), all.getMean());
    }
}
