package dev.limiter.cdk.construct;

import dev.limiter.cdk.iam.LimiterPolicies;
import dev.limiter.cdk.monitoring.LimiterAlarms;
import dev.limiter.cdk.monitoring.LimiterDashboard;
import dev.limiter.cdk.monitoring.MonitoredResources;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * A complete limiter deployment, reusable in any stack: the table, the usage aggregator on its stream with an
 * on-failure queue, the limits provisioner (and, with a limits file, the custom resource that applies it), alarms
 * with an optional SNS topic, a dashboard and the managed policies applications attach. See
 * {@link LimiterConstructProps} for the settings.
 *
 * <p>Not thread-safe; CDK constructs are built on one thread.
 */
public final class LimiterConstruct extends Construct {

    private final Table table;
    private final UsageAggregator aggregator;
    private final LimitsProvisioner provisioner;
    private final ITopic alarmTopic;
    private final LimiterAlarms alarms;
    private final LimiterDashboard dashboard;
    private final LimiterPolicies policies;

    /**
     * Creates the limiter in {@code scope}.
     *
     * @throws IllegalStateException    if the Lambda jar of {@code props} does not exist
     * @throws IllegalArgumentException if the limits file of {@code props} is missing, empty or too large
     */
    public LimiterConstruct(Construct scope, String id, LimiterConstructProps props) {
        super(scope, id);
        Code code = JavaFunctions.code(props.lambdaJar());
        table = LimiterTableFactory.create(this, "Table", props);
        aggregator = new UsageAggregator(this, "Aggregator", table, code, props);
        provisioner = new LimitsProvisioner(this, "Provisioner", table, code, props);
        Optional<ITopic> topic = alarmTopic(props);
        alarmTopic = topic.orElse(null);
        List<IAlarmAction> actions = topic.<List<IAlarmAction>>map(t -> List.of(new SnsAction(t))).orElse(List.of());
        MonitoredResources watched = new MonitoredResources(
                table, aggregator.function(), provisioner.function(), aggregator.deadLetterQueue());
        alarms = new LimiterAlarms(this, "Alarms", watched, actions);
        dashboard = new LimiterDashboard(this, "Dashboard", watched, alarms.alarms());
        policies = new LimiterPolicies(this, "Policies", table, props.namespaces());
    }

    private Optional<ITopic> alarmTopic(LimiterConstructProps props) {
        if (props.alarmTopicArn().isPresent()) {
            return Optional.of(Topic.fromTopicArn(this, "AlarmTopic", props.alarmTopicArn().get()));
        }
        if (props.createAlarmTopic()) {
            // Alarm notifications carry alarm names and metric values only; CloudWatch cannot publish to a topic
            // under the AWS-managed SNS key, and a customer-managed key would cost more than the data is worth.
            return Optional.of(Topic.Builder.create(this, "AlarmTopic")
                    .displayName("Limiter alarms")
                    .enforceSsl(true)
                    .build());
        }
        return Optional.empty();
    }

    /** The limiter's table. */
    public Table table() {
        return table;
    }

    /** The usage aggregator function. */
    public Function aggregatorFunction() {
        return aggregator.function();
    }

    /** The queue that receives the stream batches the aggregator gave up on. */
    public Queue deadLetterQueue() {
        return aggregator.deadLetterQueue();
    }

    /** The limits provisioner function. */
    public Function provisionerFunction() {
        return provisioner.function();
    }

    /** The custom resource that applies the limits file, if one is configured. */
    public Optional<CustomResource> limitsResource() {
        return provisioner.limits();
    }

    /** The topic the alarms notify, if one was imported or created. */
    public Optional<ITopic> alarmTopic() {
        return Optional.ofNullable(alarmTopic);
    }

    /** The alarms. */
    public LimiterAlarms alarms() {
        return alarms;
    }

    /** The dashboard. */
    public LimiterDashboard dashboard() {
        return dashboard;
    }

    /** The managed policies. */
    public LimiterPolicies policies() {
        return policies;
    }
}
