package dev.limiter.cdk;

import dev.limiter.cdk.construct.LimiterConstruct;
import dev.limiter.cdk.construct.LimiterConstructProps;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.constructs.Construct;

/**
 * The limiter's stack: one {@link LimiterConstruct} and the outputs an operator needs to wire applications to it
 * (table, stream, policy ARNs, function names, queue URL, dashboard, alarm topic). The outputs live here rather than
 * in the construct so that a stack embedding the construct chooses its own outputs and exports.
 *
 * <p>Not thread-safe; CDK constructs are built on one thread.
 */
public final class LimiterStack extends Stack {

    private final LimiterConstruct limiter;

    /** Creates the stack with the construct configured by {@code limiterProps}. */
    public LimiterStack(Construct scope, String id, StackProps props, LimiterConstructProps limiterProps) {
        super(scope, id, props);
        limiter = new LimiterConstruct(this, "Limiter", limiterProps);
        output("TableName", limiter.table().getTableName(), "The limiter table; pass it to the library and CLI");
        output("TableArn", limiter.table().getTableArn(), "The limiter table's ARN");
        output("StreamArn", limiter.table().getTableStreamArn(), "The table stream the usage aggregator reads");
        output("AcquireOnlyPolicyArn", limiter.policies().acquireOnly().getManagedPolicyArn(),
                "Attach to services that only acquire");
        output("ReadOnlyPolicyArn", limiter.policies().readOnly().getManagedPolicyArn(),
                "Attach to dashboards and auditors");
        output("AdminPolicyArn", limiter.policies().admin().getManagedPolicyArn(),
                "Attach to operators running the CLI");
        output("StreamReaderPolicyArn", limiter.policies().streamReader().getManagedPolicyArn(),
                "Attach to whoever runs limiter aggregate or limiter usage replay");
        output("TableLifecyclePolicyArn", limiter.policies().tableLifecycle().getManagedPolicyArn(),
                "Attach to whoever runs limiter table create or delete");
        namespaceOutputs("AcquireOnlyPolicyArn", limiter.policies().scopedAcquireOnly(), "Acquire-only");
        namespaceOutputs("ReadOnlyPolicyArn", limiter.policies().scopedReadOnly(), "Read-only");
        output("AggregatorFunctionName", limiter.aggregatorFunction().getFunctionName(), "The usage aggregator");
        output("ProvisionerFunctionName", limiter.provisionerFunction().getFunctionName(), "The limits provisioner");
        output("DeadLetterQueueUrl", limiter.deadLetterQueue().getQueueUrl(),
                "Stream batches the aggregator gave up on");
        output("DashboardName", limiter.dashboard().dashboard().getDashboardName(), "The CloudWatch dashboard");
        limiter.alarmTopic().ifPresent(topic ->
                output("AlarmTopicArn", topic.getTopicArn(), "The SNS topic the alarms notify"));
    }

    /** The limiter construct. */
    public LimiterConstruct limiter() {
        return limiter;
    }

    /**
     * One output per namespace, named {@code Ns<namespace><suffix>} with the namespace's letters and digits (output
     * ids allow no others), so {@code a-b} and {@code ab} would collide and are refused.
     */
    private void namespaceOutputs(String suffix, Map<String, ManagedPolicy> policies, String kind) {
        Set<String> ids = new HashSet<>();
        policies.forEach((namespace, policy) -> {
            String id = "Ns" + namespace.replaceAll("[^A-Za-z0-9]", "") + suffix;
            if (!ids.add(id)) {
                throw new IllegalArgumentException("namespace '" + namespace + "' gives output " + id
                        + " like another namespace: namespaces must differ in their letters and digits");
            }
            output(id, policy.getManagedPolicyArn(), kind + " policy of namespace " + namespace);
        });
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
