package dev.limiter.cdk.monitoring;

import java.util.Objects;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The resources the alarms and the dashboard watch.
 *
 * @param table           the limiter's table
 * @param aggregator      the usage aggregator function
 * @param provisioner     the limits provisioner function
 * @param deadLetterQueue the aggregator's on-failure queue
 */
public record MonitoredResources(ITable table, IFunction aggregator, IFunction provisioner, IQueue deadLetterQueue) {

    /** Checks that every resource is present. */
    public MonitoredResources {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(provisioner, "provisioner");
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
    }
}
