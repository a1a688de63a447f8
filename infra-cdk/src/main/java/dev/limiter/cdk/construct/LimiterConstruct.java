package dev.limiter.cdk.construct;

import dev.limiter.cdk.iam.LimiterPolicies;
import dev.limiter.cdk.monitoring.LimiterAlarms;
import dev.limiter.cdk.monitoring.LimiterDashboard;
import dev.limiter.cdk.monitoring.MonitoredResources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
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
        MonitoredResources watched = new MonitoredResources(table, aggregator.function(), props.aggregatorTimeout(),
                provisioner.function(), props.provisionerTimeout(), aggregator.deadLetterQueue(),
                props.maxRecordAge());
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
            Topic topic = Topic.Builder.create(this, "AlarmTopic")
                    .displayName("Limiter alarms")
                    .enforceSsl(true)
                    .build();
            topic.addToResourcePolicy(cloudWatchPublish(topic));
            return Optional.of(topic);
        }
        return Optional.empty();
    }

    /**
     * Lets CloudWatch alarms of this account and region publish. The topic policy that {@code enforceSsl} creates
     * replaces SNS's default policy, so without this statement alarms could not notify the topic at all. The
     * conditions are the confused-deputy guard SNS documents: only alarms of this account may use the grant.
     */
    private PolicyStatement cloudWatchPublish(Topic topic) {
        Stack stack = Stack.of(this);
        return PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsToPublish")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of(
                        "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":cloudwatch:"
                                + stack.getRegion() + ":" + stack.getAccount() + ":alarm:*"),
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
                .build();
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
