/**
 * {@code limiter usage} and {@code limiter aggregate}: the usage snapshots that the aggregator builds from the
 * table's stream, listed as a table, JSON or an ASCII chart; and the aggregator itself, run locally on the stream
 * without Lambda. The commands parse, call {@code dev.limiter.dynamodb.usage} and render; the renderers
 * ({@link dev.limiter.cli.usage.UsageView}, {@link dev.limiter.cli.usage.UsageChart},
 * {@link dev.limiter.cli.usage.PollView}) live here because only these commands print these values.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.usage;
