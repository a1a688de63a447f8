package dev.limiter.benchmarks;

import java.util.Locale;

/**
 * Throughput and latency of one contender at one client count, over all its measured rounds.
 *
 * @param contender the contender's name
 * @param clients concurrent clients
 * @param operations completed operations
 * @param seconds summed wall time of the contender's rounds
 * @param opsPerSecond {@code operations / seconds}
 * @param requestsPerOp HTTP requests per operation, SDK retries included
 * @param cpuMicrosPerOp CPU time of the benchmark JVM (all threads) per operation, microseconds
 * @param p50Micros median latency, microseconds
 * @param p90Micros 90th percentile, microseconds
 * @param p99Micros 99th percentile, microseconds
 * @param maxMicros slowest operation, microseconds
 * @param meanMicros mean latency, microseconds
 */
record LatencyResult(String contender, int clients, long operations, double seconds, double opsPerSecond,
                     double requestsPerOp, double cpuMicrosPerOp, long p50Micros, long p90Micros, long p99Micros,
                     long maxMicros, double meanMicros) {

    /** A markdown table row; ratios are against {@code bare}, the bare write at the same client count. */
    String markdownRow(LatencyResult bare) {
        return String.format(Locale.ROOT,
                "| %s | %d | %,d | %,.0f | %.3f | %,.0f | %,d | %,d | %,d | %,d | %.2f | %.2f |",
                contender, clients, operations, opsPerSecond, requestsPerOp, cpuMicrosPerOp, p50Micros, p90Micros,
                p99Micros, maxMicros, (double) p50Micros / bare.p50Micros, opsPerSecond / bare.opsPerSecond);
    }

    /** A JSON object, ratios against {@code bare} included. */
    String toJson(LatencyResult bare) {
        return String.format(Locale.ROOT, "{\"contender\": \"%s\", \"clients\": %d, \"operations\": %d, "
                        + "\"seconds\": %.3f, \"opsPerSecond\": %.1f, \"requestsPerOp\": %.4f, "
                        + "\"cpuMicrosPerOp\": %.1f, \"p50Micros\": %d, \"p90Micros\": %d, \"p99Micros\": %d, "
                        + "\"maxMicros\": %d, \"meanMicros\": %.1f, \"p50VsBare\": %.4f, \"throughputVsBare\": %.4f}",
                contender, clients, operations, seconds, opsPerSecond, requestsPerOp, cpuMicrosPerOp, p50Micros,
                p90Micros, p99Micros, maxMicros, meanMicros, (double) p50Micros / bare.p50Micros,
                opsPerSecond / bare.opsPerSecond);
    }
}
