/**
 * Configuration and entity stores on DynamoDB: single-item reads and writes by primary key, listings through the
 * sparse index {@code gsi1}. Reads are strongly consistent; they only happen on cache misses.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.dynamodb.store;
