package dev.limiter.spring.actuate;

import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.table.TableStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.Optional;

/**
 * Reports the limiter's DynamoDB table: UP while {@code DescribeTable} says {@code ACTIVE} (or {@code UPDATING}, which
 * still serves reads and writes), DOWN when the table is missing, in another state, or unreachable. Each check is one
 * {@code DescribeTable} and one {@code DescribeTimeToLive} call; the acquire-only IAM policy does not allow them, so
 * give the health check's role {@code dynamodb:DescribeTable} and {@code dynamodb:DescribeTimeToLive}. Thread-safe.
 */
public class DynamoDbTableHealthIndicator extends AbstractHealthIndicator {

    private final DynamoDbBackend backend;
    private final String namespace;

    /** Checks the table of {@code backend}, reporting {@code namespace} as a detail. */
    public DynamoDbTableHealthIndicator(DynamoDbBackend backend, String namespace) {
        super("DynamoDB table of the rate limiter is unreachable");
        this.backend = backend;
        this.namespace = namespace;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("backend", "dynamodb").withDetail("table", backend.tableName())
                .withDetail("namespace", namespace);
        Optional<TableStatus> status = backend.table().describe();
        if (status.isEmpty()) {
            builder.down().withDetail("status", "MISSING");
            return;
        }
        String state = status.get().status();
        builder.withDetail("status", state);
        if ("ACTIVE".equals(state) || "UPDATING".equals(state)) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
