package dev.limiter.cdk.monitoring;

import java.util.List;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard for the limiter: the alarms' states, then a row each for the table, the usage aggregator
 * (with its on-failure queue) and the limits provisioner. Its name is left to CloudFormation. Not thread-safe.
 */
public final class LimiterDashboard extends Construct {

    private static final int WIDTH = 8;
    private static final int HEIGHT = 6;

    private final Dashboard dashboard;

    /** Creates the dashboard over {@code resources}, with a status widget for {@code alarms}. */
    public LimiterDashboard(Construct scope, String id, MonitoredResources resources, List<? extends IAlarm> alarms) {
        super(scope, id);
        dashboard = Dashboard.Builder.create(this, "Dashboard").build();
        dashboard.addWidgets(AlarmStatusWidget.Builder.create()
                .title("Limiter alarms").alarms(List.copyOf(alarms)).width(3 * WIDTH).build());
        dashboard.addWidgets(tableWidgets(resources).toArray(IWidget[]::new));
        dashboard.addWidgets(aggregatorWidgets(resources).toArray(IWidget[]::new));
        dashboard.addWidgets(
                graph("Provisioner invocations and errors",
                        LimiterMetrics.function(resources.provisioner(), "Invocations", "Sum"),
                        LimiterMetrics.function(resources.provisioner(), "Errors", "Sum")),
                graph("Provisioner duration (ms)",
                        LimiterMetrics.function(resources.provisioner(), "Duration", "Maximum")));
    }

    /** The dashboard. */
    public Dashboard dashboard() {
        return dashboard;
    }

    private static List<IWidget> tableWidgets(MonitoredResources resources) {
        return List.of(
                graph("Table consumed capacity units",
                        LimiterMetrics.tableSum(resources.table(), "ConsumedWriteCapacityUnits"),
                        LimiterMetrics.tableSum(resources.table(), "ConsumedReadCapacityUnits")),
                graph("Table throttle events",
                        LimiterMetrics.tableSum(resources.table(), "WriteThrottleEvents"),
                        LimiterMetrics.tableSum(resources.table(), "ReadThrottleEvents")),
                // Failed conditions are rejections and lost races on the hot path; they are billed like writes.
                graph("Failed conditional writes",
                        LimiterMetrics.tableSum(resources.table(), "ConditionalCheckFailedRequests"),
                        LimiterMetrics.tableSum(resources.table(), "TransactionConflict")));
    }

    private static List<IWidget> aggregatorWidgets(MonitoredResources resources) {
        return List.of(
                graph("Aggregator invocations and errors",
                        LimiterMetrics.function(resources.aggregator(), "Invocations", "Sum"),
                        LimiterMetrics.function(resources.aggregator(), "Errors", "Sum")),
                graph("Aggregator iterator age (ms)",
                        LimiterMetrics.function(resources.aggregator(), "IteratorAge", "Maximum")),
                graph("On-failure queue: visible messages",
                        LimiterMetrics.queueDepth(resources.deadLetterQueue())));
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.of(metrics))
                .width(WIDTH)
                .height(HEIGHT)
                .build();
    }
}
