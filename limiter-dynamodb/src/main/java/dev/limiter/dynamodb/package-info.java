/**
 * The DynamoDB backend. {@link dev.limiter.dynamodb.DynamoDbBackend} is the only entry point applications use:
 *
 * <pre>{@code
 * DynamoDbBackend backend = DynamoDbBackend.builder().tableName("limiter").region(Region.US_EAST_1).build();
 * RateLimiter limiter = RateLimiter.builder().backend(backend).namespace("prod").build();
 * }</pre>
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.dynamodb;
