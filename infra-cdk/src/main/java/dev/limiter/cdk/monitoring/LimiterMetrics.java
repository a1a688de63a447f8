package dev.limiter.cdk.monitoring;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The metrics shared by the alarms and the dashboard, so both always show the same series.
 */
final class LimiterMetrics {

    /** The alarms' and graphs' period: CloudWatch's standard resolution for these namespaces. */
    static final Duration PERIOD = Duration.minutes(5);

    private LimiterMetrics() {
    }

    /** A sum of a table metric, e.g. {@code ReadThrottleEvents}. */
    static IMetric tableSum(ITable table, String metricName) {
        return Metric.Builder.create()
                .namespace("AWS/DynamoDB")
                .metricName(metricName)
                .dimensionsMap(Map.of("TableName", table.getTableName()))
                .statistic("Sum")
                .period(PERIOD)
                .build();
    }

    /**
     * The namespace of the metrics the handlers publish themselves, in CloudWatch embedded metric format log lines
     * (the lambdas module's {@code Metrics} writes the same names).
     */
    static final String LIMITER_NAMESPACE = "Limiter";
    /** Records of an aggregator batch reported as failed (partial batch failures), by {@code FunctionName}. */
    static final String FAILED_RECORDS = "AggregatorFailedRecords";
    /** Snapshots written that still lack records of their bucket, by {@code FunctionName}. */
    static final String SNAPSHOT_GAPS = "AggregatorSnapshotsWithGaps";
    /** Custom-resource requests the provisioner answered FAILED, by {@code FunctionName}. */
    static final String PROVISION_FAILURES = "ProvisionerFailures";

    /** A sum of a metric of the table's index {@code index}, e.g. {@code WriteThrottleEvents}. */
    static IMetric indexSum(ITable table, String index, String metricName) {
        return Metric.Builder.create()
                .namespace("AWS/DynamoDB")
                .metricName(metricName)
                .dimensionsMap(Map.of("TableName", table.getTableName(), "GlobalSecondaryIndexName", index))
                .statistic("Sum")
                .period(PERIOD)
                .build();
    }

    /** A sum of one of the handlers' own metrics of {@code function}. */
    static IMetric limiterSum(IFunction function, String metricName) {
        return Metric.Builder.create()
                .namespace(LIMITER_NAMESPACE)
                .metricName(metricName)
                .dimensionsMap(Map.of("FunctionName", function.getFunctionName()))
                .statistic("Sum")
                .period(PERIOD)
                .build();
    }

    /** The age of the oldest message in {@code queue}, in seconds. */
    static IMetric oldestMessageAge(IQueue queue) {
        return queue.metricApproximateAgeOfOldestMessage(
                MetricOptions.builder().statistic("Maximum").period(PERIOD).build());
    }

    /** The most messages visible in {@code queue}, e.g. the aggregator's on-failure queue. */
    static IMetric queueDepth(IQueue queue) {
        return queue.metricApproximateNumberOfMessagesVisible(
                MetricOptions.builder().statistic("Maximum").period(PERIOD).build());
    }

    /** A function metric with {@code statistic}, e.g. {@code Errors} with {@code Sum}. */
    static IMetric function(IFunction function, String metricName, String statistic) {
        return Metric.Builder.create()
                .namespace("AWS/Lambda")
                .metricName(metricName)
                .dimensionsMap(Map.of("FunctionName", function.getFunctionName()))
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }
}
