package dev.limiter.benchmarks;

/**
 * One operation that {@link DynamoDbLatencyBenchmark} times, run by several clients at once.
 *
 * <p>Thread-safety: {@link #run(int)} is called concurrently, each client with its own index.
 */
interface Contender {

    /** The row label, for example {@code bare UpdateItem}. */
    String name();

    /**
     * Performs one operation for {@code client} and returns when it is complete.
     *
     * @throws RuntimeException if the operation failed or was rejected; the benchmark stops
     */
    void run(int client);
}
