package dev.limiter.cdk.iam;

import dev.limiter.dynamodb.DynamoDbBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * The DynamoDB actions each policy of the construct allows. The lists are immutable and ordered; tests compare the
 * synthesised policies with them, and {@link #ACQUIRE} is the library's own {@link DynamoDbBackend#ACQUIRE_ACTIONS}
 * so the acquire-only policy cannot drift from the code it authorises.
 */
public final class PolicyActions {

    /** What the acquire path calls: exactly {@link DynamoDbBackend#ACQUIRE_ACTIONS}. */
    public static final List<String> ACQUIRE = DynamoDbBackend.ACQUIRE_ACTIONS;

    /**
     * Reading buckets, entities and configurations ({@code status}, {@code explain}, usage reports). No
     * {@code Scan}: a scan has no leading key, so a namespace condition could not confine it.
     */
    public static final List<String> READ_ONLY = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:DescribeTable");

    /** Everything the CLI's limits, entities, usage and table commands call: read-only plus writes. */
    public static final List<String> ADMIN = concat(READ_ONLY, List.of(
            "dynamodb:Scan", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTimeToLive"));

    /** The usage aggregator: conditional snapshot writes and reads of existing snapshots. */
    public static final List<String> AGGREGATOR = List.of("dynamodb:UpdateItem", "dynamodb:Query");

    /** The limits provisioner: the plan/apply engine reads the live items and writes the difference. */
    public static final List<String> PROVISIONER = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem");

    private PolicyActions() {
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
