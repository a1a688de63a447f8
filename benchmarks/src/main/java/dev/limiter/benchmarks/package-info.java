/**
 * JMH benchmarks of the limiter, one {@code *Benchmark} class per scenario, with peer libraries (Bucket4j,
 * Resilience4j, Guava) side by side in the same run through a {@code @Param}, so that results are read as ratios
 * measured on one machine at one time. Nothing here runs during the build; build {@code target/benchmarks.jar}
 * and run it as {@code docs/benchmarks.md} shows.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.benchmarks;
