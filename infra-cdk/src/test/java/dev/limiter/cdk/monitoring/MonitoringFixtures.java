package dev.limiter.cdk.monitoring;

import java.time.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionAttributes;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.Queue;

/** Monitored resources without Lambda code: the functions are imported by name, which is all metrics need. */
final class MonitoringFixtures {

    static final String AGGREGATOR = "limiter-aggregator";
    static final String PROVISIONER = "limiter-provisioner";

    private MonitoringFixtures() {
    }

    static MonitoredResources resources(Stack stack) {
        Table table = Table.Builder.create(stack, "Table")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .build();
        return new MonitoredResources(table,
                function(stack, "Aggregator", AGGREGATOR), Duration.ofMinutes(1),
                function(stack, "Provisioner", PROVISIONER), Duration.ofMinutes(5),
                new Queue(stack, "Queue"), Duration.ofHours(1));
    }

    /** A literal ARN, so the function name in the metrics' dimensions is a literal too. */
    private static IFunction function(Stack stack, String id, String name) {
        return Function.fromFunctionAttributes(stack, id, FunctionAttributes.builder()
                .functionArn("arn:aws:lambda:eu-west-1:123456789012:function:" + name)
                .build());
    }
}
