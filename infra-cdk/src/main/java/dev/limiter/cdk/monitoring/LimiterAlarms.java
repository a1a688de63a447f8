package dev.limiter.cdk.monitoring;

import dev.limiter.dynamodb.schema.Attributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * The limiter's alarms, each on a 5-minute period, missing data counting as healthy:
 * <ul>
 *   <li>table and {@code gsi1} read and write throttle events, at least one: a throttled acquire is an unavailable
 *       limiter, and a throttled index holds back writes to the table;</li>
 *   <li>per function: errors, throttles (at least one each) and a maximum duration of at least
 *       {@link #NEAR_TIMEOUT} of its timeout (the next slow invocation times out);</li>
 *   <li>aggregator: iterator age of at least {@link #ITERATOR_AGE_THRESHOLD_MILLIS} for two periods; records
 *       reported failed in a batch (partial batch failures, which {@code Errors} never counts); snapshots left with
 *       gaps; {@code DestinationDeliveryFailures} (a given-up batch did not even reach the queue);</li>
 *   <li>on-failure queue: a visible message (a batch was given up), and its oldest message nearing the stream's
 *       24-hour retention ({@link #replayDeadline}), after which {@code limiter usage replay} can only report the
 *       loss;</li>
 *   <li>provisioner: a request answered FAILED (a bad limits file is answered, not thrown, so {@code Errors} stays
 *       at zero).</li>
 * </ul>
 * Every alarm notifies the given actions on alarm and on recovery. Not thread-safe.
 */
public final class LimiterAlarms extends Construct {

    /** The iterator age that raises the alarm, in milliseconds (5 minutes). */
    public static final double ITERATOR_AGE_THRESHOLD_MILLIS = 300_000;
    /** The share of a function's timeout at which its duration alarm fires. */
    public static final double NEAR_TIMEOUT = 0.8;
    /** How long DynamoDB Streams keeps a record. */
    public static final Duration STREAM_RETENTION = Duration.ofHours(24);
    /** The time left to replay, in the worst case, when the replay-deadline alarm fires. */
    public static final Duration REPLAY_MARGIN = Duration.ofHours(6);

    private final List<Alarm> alarms = new ArrayList<>();

    /** Creates the alarms on {@code resources}, notifying {@code actions} (none: alarms without actions). */
    public LimiterAlarms(Construct scope, String id, MonitoredResources resources, List<IAlarmAction> actions) {
        super(scope, id);
        tableAlarms(resources);
        functionAlarms("Aggregator", resources.aggregator(), resources.aggregatorTimeout(), "The usage aggregator");
        aggregatorAlarms(resources);
        functionAlarms("Provisioner", resources.provisioner(), resources.provisionerTimeout(),
                "The limits provisioner");
        alarm("ProvisionerFailures", LimiterMetrics.limiterSum(resources.provisioner(),
                LimiterMetrics.PROVISION_FAILURES), 1, 1,
                "The limits provisioner answered FAILED: the limits file was not applied (see its log for why).");
        for (Alarm alarm : alarms) {
            alarm.addAlarmAction(actions.toArray(IAlarmAction[]::new));
            alarm.addOkAction(actions.toArray(IAlarmAction[]::new));
        }
    }

    /** Every alarm, in the order of the class description. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /**
     * The age of the oldest queued failure at which to alarm: a record reaches the queue at most {@code maxRecordAge}
     * after it was written, so this leaves at least {@link #REPLAY_MARGIN} before the stream trims it (at least an
     * hour in any case).
     */
    public static Duration replayDeadline(Duration maxRecordAge) {
        Duration deadline = STREAM_RETENTION.minus(maxRecordAge).minus(REPLAY_MARGIN);
        return deadline.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : deadline;
    }

    private void tableAlarms(MonitoredResources resources) {
        alarm("TableReadThrottles", LimiterMetrics.tableSum(resources.table(), "ReadThrottleEvents"), 1, 1,
                "Reads of the limiter table are throttled: acquires may fail as unavailable.");
        alarm("TableWriteThrottles", LimiterMetrics.tableSum(resources.table(), "WriteThrottleEvents"), 1, 1,
                "Writes to the limiter table are throttled: acquires may fail as unavailable (hot key?).");
        alarm("IndexReadThrottles", LimiterMetrics.indexSum(resources.table(), Attributes.GSI1, "ReadThrottleEvents"),
                1, 1, "Queries of index gsi1 are throttled: entity, config and usage listings may fail.");
        alarm("IndexWriteThrottles",
                LimiterMetrics.indexSum(resources.table(), Attributes.GSI1, "WriteThrottleEvents"), 1, 1,
                "Index gsi1 is throttled on writes, which throttles the table writes that feed it.");
    }

    private void functionAlarms(String prefix, IFunction function, Duration timeout, String name) {
        alarm(prefix + "Errors", LimiterMetrics.function(function, "Errors", "Sum"), 1, 1,
                name + " failed with an error.");
        alarm(prefix + "Throttles", LimiterMetrics.function(function, "Throttles", "Sum"), 1, 1,
                name + " was throttled: account or reserved concurrency is exhausted.");
        alarm(prefix + "DurationNearTimeout", LimiterMetrics.function(function, "Duration", "Maximum"),
                Math.floor(timeout.toMillis() * NEAR_TIMEOUT), 1,
                name + " ran for " + (int) (NEAR_TIMEOUT * 100) + "% of its " + timeout.toSeconds()
                        + " s timeout or more: the next slow invocation will time out.");
    }

    private void aggregatorAlarms(MonitoredResources resources) {
        IFunction aggregator = resources.aggregator();
        alarm("AggregatorIteratorAge", LimiterMetrics.function(aggregator, "IteratorAge", "Maximum"),
                ITERATOR_AGE_THRESHOLD_MILLIS, 2, "The usage aggregator lags the table's stream by 5 minutes or more.");
        alarm("AggregatorFailedRecords", LimiterMetrics.limiterSum(aggregator, LimiterMetrics.FAILED_RECORDS), 1, 1,
                "The usage aggregator reported failed records (partial batch failure); the stream retries them.");
        alarm("AggregatorSnapshotGaps", LimiterMetrics.limiterSum(aggregator, LimiterMetrics.SNAPSHOT_GAPS), 1, 1,
                "Usage snapshots lack records of their buckets: replay the on-failure queue (limiter usage replay).");
        alarm("AggregatorDestinationDeliveryFailures",
                LimiterMetrics.function(aggregator, "DestinationDeliveryFailures", "Sum"), 1, 1,
                "A given-up stream batch could not be sent to the on-failure queue: its usage is lost unreported.");
        alarm("DeadLetterQueueDepth", LimiterMetrics.queueDepth(resources.deadLetterQueue()), 1, 1,
                "Stream batches were given up by the usage aggregator: replay them with limiter usage replay.");
        Duration deadline = replayDeadline(resources.maxRecordAge());
        alarm("DeadLetterReplayDeadline", LimiterMetrics.oldestMessageAge(resources.deadLetterQueue()),
                deadline.toSeconds(), 1, "A given-up stream batch has waited " + deadline.toHours()
                        + " h: the stream drops its records 24 h after they were written; replay now.");
    }

    private void alarm(String id, IMetric metric, double threshold, int periods, String description) {
        alarms.add(Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build());
    }
}
