package dev.limiter.cdk.iam;

import java.util.List;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * The statements of the construct's own Lambda roles. The roles get no AWS managed policy: the basic execution
 * policy would let a function create any log group, where these statements reach only its own.
 */
public final class FunctionPermissions {

    /** Writing to a function's own log group; Lambda creates the streams, the group exists already. */
    public static final List<String> LOG_WRITE = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    private FunctionPermissions() {
    }

    /**
     * Log writes to {@code logGroup}. Its ARN ({@code ...:log-group:NAME:*}) covers the group's streams and no
     * other group.
     */
    public static PolicyStatement logWrites(ILogGroup logGroup) {
        return LimiterPolicies.statement(LOG_WRITE, List.of(logGroup.getLogGroupArn()));
    }

    /** The usage aggregator's item access: {@link PolicyActions#AGGREGATOR} on the table, nothing on the index. */
    public static PolicyStatement aggregator(ITable table) {
        return LimiterPolicies.statement(PolicyActions.AGGREGATOR, List.of(table.getTableArn()));
    }

    /**
     * The limits provisioner's item access: {@link PolicyActions#PROVISIONER} on the table and
     * {@link PolicyActions#INDEX} on the index.
     */
    public static List<PolicyStatement> provisioner(ITable table) {
        return List.of(LimiterPolicies.statement(PolicyActions.PROVISIONER, List.of(table.getTableArn())),
                LimiterPolicies.statement(PolicyActions.INDEX, List.of(LimiterPolicies.indexArn(table))));
    }
}
