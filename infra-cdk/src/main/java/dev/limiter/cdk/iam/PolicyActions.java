package dev.limiter.cdk.iam;

import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.table.LimiterTable;
import dev.limiter.dynamodb.usage.StreamPoller;
import dev.limiter.dynamodb.usage.UsageAggregator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The DynamoDB actions each policy of the construct allows, to what the code calls. The lists are immutable and
 * ordered; tests compare the synthesised policies with them. Where the library names the actions of a component
 * ({@link DynamoDbBackend#ACQUIRE_ACTIONS}, {@link UsageAggregator#TABLE_ACTIONS}, {@link StreamPoller#STREAM_ACTIONS},
 * {@link LimiterTable}'s lists) the policy uses that very list, so it cannot drift from the code it authorises.
 *
 * <p>Index ARNs get only {@code Query}: DynamoDB maintains an index itself, so writes need no permission on it, and
 * {@code GetItem} or {@code BatchGetItem} cannot address an index at all.
 */
public final class PolicyActions {

    /** What the acquire path calls: exactly {@link DynamoDbBackend#ACQUIRE_ACTIONS}. */
    public static final List<String> ACQUIRE = DynamoDbBackend.ACQUIRE_ACTIONS;

    /** The one action any principal needs on the index: the library reads it with {@code Query} only. */
    public static final List<String> INDEX = List.of("dynamodb:Query");

    /**
     * Reading buckets, entities and configurations ({@code status}, {@code explain}, usage reports). No
     * {@code Scan}: a scan has no leading key, so a namespace condition could not confine it.
     */
    public static final List<String> READ_ONLY = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:DescribeTable");

    /**
     * What the CLI's limits, entities, status, usage and {@code table status} commands call on the table: read-only
     * plus item writes ({@code TransactWriteItems} needs no action of its own, only {@code UpdateItem} per item) and
     * the TTL description. No {@code Scan}, {@code BatchWriteItem} or {@code ConditionCheckItem}: nothing calls them.
     */
    public static final List<String> ADMIN = union(READ_ONLY, List.of(
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"), LimiterTable.DESCRIBE_ACTIONS);

    /** The usage aggregator on the table: exactly {@link UsageAggregator#TABLE_ACTIONS} (conditional writes). */
    public static final List<String> AGGREGATOR = UsageAggregator.TABLE_ACTIONS;

    /**
     * What {@code limiter aggregate} and {@code limiter usage replay} call on the table's stream: exactly
     * {@link StreamPoller#STREAM_ACTIONS}. {@code ListStreams} supports no resource-level permission.
     */
    public static final List<String> STREAM_READ = StreamPoller.STREAM_ACTIONS;

    /**
     * The limits provisioner on the table: the plan reads the settings item and the apply writes and deletes items
     * (its reads of entities and configurations are {@code Query} on the index). The lambdas module's tests record
     * the calls the handler makes and pin the same list.
     */
    public static final List<String> PROVISIONER = List.of(
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");

    /** {@code limiter table create} and {@code limiter table delete}: {@link LimiterTable}'s lists. */
    public static final List<String> TABLE_LIFECYCLE = union(LimiterTable.CREATE_ACTIONS,
            LimiterTable.DELETE_ACTIONS, LimiterTable.DESCRIBE_ACTIONS);

    private PolicyActions() {
    }

    @SafeVarargs
    private static List<String> union(List<String>... lists) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(new ArrayList<>(all));
    }
}
