/**
 * {@code limiter demo}: an LLM gateway simulated on a live limiter. {@link dev.limiter.cli.demo.DemoCommand} parses
 * and renders; {@link dev.limiter.cli.demo.GatewayDemo} runs the workload (async workers acquiring {@code rpm} and
 * {@code tpm} for the users of {@link dev.limiter.cli.demo.Organisation}, adjusting to real usage, rolling back
 * failures), keeps its own {@link dev.limiter.cli.demo.Ledger} of what it asked for, and ends with one
 * {@link dev.limiter.cli.demo.LimitCheck} per entity and limit: the admission bound of a token bucket,
 *
 * <pre>
 *   net tokens charged &lt;= capacity - available at the end + refill amount * elapsed / refill period
 * </pre>
 *
 * <p>which holds for every correct limiter, debt included (debt shows as negative available tokens).
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.demo;
