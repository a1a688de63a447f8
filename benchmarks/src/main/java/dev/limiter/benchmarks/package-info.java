/**
 * Benchmarks of the limiter, one {@code *Benchmark} class per scenario, with peers side by side in the same run so
 * that results are read as ratios measured on one machine at one time: JMH benchmarks of the in-memory backend next
 * to Bucket4j, Resilience4j and Guava (through a {@code @Param}), and two plain {@code main} classes for the DynamoDB
 * backend against a {@code moto_server} they start on loopback: {@link dev.limiter.benchmarks.DynamoDbLatencyBenchmark}
 * (acquire next to a bare {@code UpdateItem}, interleaved) and {@link dev.limiter.benchmarks.DynamoDbCostBenchmark}
 * (requests and capacity units per acquire), and two multi-process load benchmarks whose worker JVMs share one local
 * engine: {@link dev.limiter.benchmarks.StrictLoadBenchmark} (conflicts, throttling and lost answers on the strict
 * engine) and {@link dev.limiter.benchmarks.LocalTierLoadBenchmark} (the local tier off and on). Nothing here runs during the build; build {@code target/benchmarks.jar}
 * and run it as {@code docs/benchmarks.md} shows.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.benchmarks;
