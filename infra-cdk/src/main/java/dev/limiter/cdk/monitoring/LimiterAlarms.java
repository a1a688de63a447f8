package dev.limiter.cdk.monitoring;

import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * The limiter's alarms, each on a 5-minute period, missing data counting as healthy:
 * <ul>
 *   <li>table read and write throttle events, at least one: a throttled acquire is an unavailable limiter;</li>
 *   <li>aggregator errors, at least one;</li>
 *   <li>aggregator iterator age of at least {@link #ITERATOR_AGE_THRESHOLD_MILLIS} for two periods: usage
 *       snapshots are falling behind and records near {@code maxRecordAge} will be dropped to the queue;</li>
 *   <li>visible messages in the on-failure queue, at least one: a batch was given up;</li>
 *   <li>provisioner errors, at least one: a limits deployment failed.</li>
 * </ul>
 * Every alarm notifies the given actions on alarm and on recovery. Not thread-safe.
 */
public final class LimiterAlarms extends Construct {

    /** The iterator age that raises the alarm, in milliseconds (5 minutes). */
    public static final double ITERATOR_AGE_THRESHOLD_MILLIS = 300_000;

    private final List<Alarm> alarms;

    /** Creates the alarms on {@code resources}, notifying {@code actions} (none: alarms without actions). */
    public LimiterAlarms(Construct scope, String id, MonitoredResources resources, List<IAlarmAction> actions) {
        super(scope, id);
        alarms = List.of(
                alarm("TableReadThrottles", LimiterMetrics.tableSum(resources.table(), "ReadThrottleEvents"), 1, 1,
                        "Reads of the limiter table are throttled: acquires may fail as unavailable."),
                alarm("TableWriteThrottles", LimiterMetrics.tableSum(resources.table(), "WriteThrottleEvents"), 1, 1,
                        "Writes to the limiter table are throttled: acquires may fail as unavailable (hot key?)."),
                alarm("AggregatorErrors", LimiterMetrics.function(resources.aggregator(), "Errors", "Sum"), 1, 1,
                        "The usage aggregator failed; batches are retried, then sent to the on-failure queue."),
                alarm("AggregatorIteratorAge",
                        LimiterMetrics.function(resources.aggregator(), "IteratorAge", "Maximum"),
                        ITERATOR_AGE_THRESHOLD_MILLIS, 2,
                        "The usage aggregator lags the table's stream by 5 minutes or more."),
                alarm("DeadLetterQueueDepth", LimiterMetrics.queueDepth(resources.deadLetterQueue()), 1, 1,
                        "Stream batches were given up by the usage aggregator: inspect the on-failure queue."),
                alarm("ProvisionerErrors", LimiterMetrics.function(resources.provisioner(), "Errors", "Sum"), 1, 1,
                        "The limits provisioner failed: the limits file was not applied."));
        for (Alarm alarm : alarms) {
            alarm.addAlarmAction(actions.toArray(IAlarmAction[]::new));
            alarm.addOkAction(actions.toArray(IAlarmAction[]::new));
        }
    }

    /** Every alarm, in the order of the class description. */
    public List<Alarm> alarms() {
        return alarms;
    }

    private Alarm alarm(String id, IMetric metric, double threshold, int periods, String description) {
        return Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
    }
}
