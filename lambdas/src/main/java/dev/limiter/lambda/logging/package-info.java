/**
 * What the handlers write to CloudWatch: library logs through SLF4J bridged to the Lambda runtime's
 * {@code LambdaLogger} with their levels ({@link dev.limiter.lambda.logging.LambdaSlf4jProvider}), so that with the
 * function's JSON log format every line is a JSON object with a level that Lambda filters by; and the handlers' own
 * metrics as CloudWatch embedded metric format lines on standard output
 * ({@link dev.limiter.lambda.logging.EmbeddedMetrics}), which CloudWatch turns into metrics without an API call.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.lambda.logging;
