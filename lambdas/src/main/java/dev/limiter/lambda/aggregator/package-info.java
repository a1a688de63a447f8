/**
 * The usage aggregator Lambda: {@link dev.limiter.lambda.aggregator.UsageAggregatorHandler} converts a DynamoDB
 * stream event into {@link dev.limiter.dynamodb.usage.StreamChange}s, applies them with
 * {@link dev.limiter.dynamodb.usage.UsageAggregator} and answers with the first record that could not be applied,
 * so the event source mapping ({@code ReportBatchItemFailures}) redelivers it and what follows it. Configuration
 * comes from environment variables, see {@link dev.limiter.lambda.aggregator.AggregatorConfig}; logs are one JSON
 * object per line.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.lambda.aggregator;
