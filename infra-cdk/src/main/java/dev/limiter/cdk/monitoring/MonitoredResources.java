package dev.limiter.cdk.monitoring;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The resources the alarms and the dashboard watch, with the settings their thresholds derive from.
 *
 * @param table              the limiter's table
 * @param aggregator         the usage aggregator function
 * @param aggregatorTimeout  the aggregator's timeout
 * @param provisioner        the limits provisioner function
 * @param provisionerTimeout the provisioner's timeout
 * @param deadLetterQueue    the aggregator's on-failure queue
 * @param maxRecordAge       the age at which the event source gives a record up to the queue
 */
public record MonitoredResources(ITable table, IFunction aggregator, Duration aggregatorTimeout,
                                 IFunction provisioner, Duration provisionerTimeout, IQueue deadLetterQueue,
                                 Duration maxRecordAge) {

    /** Checks that every resource is present. */
    public MonitoredResources {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(aggregatorTimeout, "aggregatorTimeout");
        Objects.requireNonNull(provisioner, "provisioner");
        Objects.requireNonNull(provisionerTimeout, "provisionerTimeout");
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        Objects.requireNonNull(maxRecordAge, "maxRecordAge");
    }
}
