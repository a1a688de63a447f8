package dev.limiter.dynamodb.table;

import java.util.Optional;

/**
 * What {@link LimiterTable#describe} reports.
 *
 * @param name       the table name
 * @param status     e.g. {@code ACTIVE}
 * @param itemCount  DynamoDB's approximate item count (refreshed about every six hours)
 * @param sizeBytes  DynamoDB's approximate size
 * @param streamArn  the stream, if enabled
 * @param ttlStatus  e.g. {@code ENABLED}
 * @param billing    the billing mode
 */
public record TableStatus(String name, String status, long itemCount, long sizeBytes, Optional<String> streamArn,
                               String ttlStatus, String billing) {
}
