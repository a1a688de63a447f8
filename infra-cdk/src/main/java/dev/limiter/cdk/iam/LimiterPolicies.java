package dev.limiter.cdk.iam;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.internal.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The managed policies an application or an operator attaches to reach the limiter's table:
 * <ul>
 *   <li>{@linkplain #acquireOnly() acquire-only}: exactly {@link PolicyActions#ACQUIRE} on the table, for
 *       services that only call {@code acquire};</li>
 *   <li>{@linkplain #readOnly() read-only}: {@link PolicyActions#READ_ONLY} on the table and its index;</li>
 *   <li>{@linkplain #admin() admin}: {@link PolicyActions#ADMIN} on the table and {@link PolicyActions#INDEX} on its
 *       index, for the CLI;</li>
 *   <li>{@linkplain #streamReader() stream reader}: {@link PolicyActions#AGGREGATOR} on the table and
 *       {@link PolicyActions#STREAM_READ} on its stream, for {@code limiter aggregate} and
 *       {@code limiter usage replay};</li>
 *   <li>{@linkplain #tableLifecycle() table lifecycle}: {@link PolicyActions#TABLE_LIFECYCLE} on the table, for
 *       {@code limiter table create|delete} (re-creating a disposable stage's table);</li>
 *   <li>per configured namespace, {@linkplain #scopedAcquireOnly() acquire-only} and
 *       {@linkplain #scopedReadOnly() read-only} variants confined to keys starting with {@code <namespace>#}.</li>
 * </ul>
 * Policy names are left to CloudFormation so two stages can live in one account.
 *
 * <p>Not thread-safe; CDK constructs are built on one thread.
 */
public final class LimiterPolicies extends Construct {

    /** The condition operator of the namespace-scoped variants. */
    public static final String LEADING_KEYS_OPERATOR = "ForAllValues:StringLike";
    /** The condition key of the namespace-scoped variants: the partition key values a request touches. */
    public static final String LEADING_KEYS = "dynamodb:LeadingKeys";

    private static final String DESCRIBE_TABLE = "dynamodb:DescribeTable";
    private static final String LIST_STREAMS = "dynamodb:ListStreams";

    private final ManagedPolicy acquireOnly;
    private final ManagedPolicy readOnly;
    private final ManagedPolicy admin;
    private final ManagedPolicy streamReader;
    private final ManagedPolicy tableLifecycle;
    private final Map<String, ManagedPolicy> scopedAcquireOnly = new LinkedHashMap<>();
    private final Map<String, ManagedPolicy> scopedReadOnly = new LinkedHashMap<>();

    /**
     * Creates the policies for {@code table}, with scoped variants for each of {@code namespaces}.
     *
     * @throws IllegalArgumentException if a namespace is invalid (the library's namespace rule) or repeated
     */
    public LimiterPolicies(Construct scope, String id, ITable table, List<String> namespaces) {
        super(scope, id);
        String tableArn = table.getTableArn();
        List<String> tableAndIndex = List.of(tableArn, indexArn(table));
        acquireOnly = policy("AcquireOnly", "Acquire-only access to the limiter table (the acquire path's actions)",
                statement(PolicyActions.ACQUIRE, List.of(tableArn)));
        readOnly = policy("ReadOnly", "Read-only access to the limiter table and its index",
                statement(PolicyActions.READ_ONLY, tableAndIndex));
        admin = policy("Admin", "Administrative access to the limiter table's items and its index",
                statement(PolicyActions.ADMIN, List.of(tableArn)),
                statement(PolicyActions.INDEX, List.of(indexArn(table))));

        for (String namespace : namespaces) {
            Require.namespace("namespace", namespace);
            Require.argument(!scopedAcquireOnly.containsKey(namespace), "namespace '" + namespace + "' is repeated");
            scopedAcquireOnly.put(namespace, policy("AcquireOnly-" + namespace,
                    "Acquire-only access to namespace " + namespace + " of the limiter table",
                    scoped(PolicyActions.ACQUIRE, List.of(tableArn), namespace)));
            scopedReadOnly.put(namespace, policy("ReadOnly-" + namespace,
                    "Read-only access to namespace " + namespace + " of the limiter table and its index",
                    scoped(keyed(PolicyActions.READ_ONLY), tableAndIndex, namespace),
                    statement(List.of(DESCRIBE_TABLE), List.of(tableArn))));
        }
        streamReader = streamReader(table);
        tableLifecycle = policy("TableLifecycle", "Creating and deleting the limiter table (limiter table "
                + "create|delete)", statement(PolicyActions.TABLE_LIFECYCLE, List.of(tableArn)));
    }

    /** The ARN of the limiter's index {@code gsi1} on {@code table}. */
    public static String indexArn(ITable table) {
        return table.getTableArn() + "/index/" + Attributes.GSI1;
    }

    /** The key pattern of {@code namespace}: every key of the namespace, index keys included, matches it. */
    public static String leadingKeyPattern(String namespace) {
        return namespace + "#*";
    }

    /** The acquire-only policy. */
    public ManagedPolicy acquireOnly() {
        return acquireOnly;
    }

    /** The read-only policy. */
    public ManagedPolicy readOnly() {
        return readOnly;
    }

    /** The admin policy. */
    public ManagedPolicy admin() {
        return admin;
    }

    /** The policy of {@code limiter aggregate} and {@code limiter usage replay}: snapshot writes, stream reads. */
    public ManagedPolicy streamReader() {
        return streamReader;
    }

    /** The policy of {@code limiter table create|delete}. */
    public ManagedPolicy tableLifecycle() {
        return tableLifecycle;
    }

    /** The namespace-scoped acquire-only policies by namespace, in configuration order. */
    public Map<String, ManagedPolicy> scopedAcquireOnly() {
        return Collections.unmodifiableMap(scopedAcquireOnly);
    }

    /** The namespace-scoped read-only policies by namespace, in configuration order. */
    public Map<String, ManagedPolicy> scopedReadOnly() {
        return Collections.unmodifiableMap(scopedReadOnly);
    }

    /**
     * Snapshot writes on the table, reads of its stream, and {@code ListStreams}, which has no resource-level
     * permission and so needs {@code *}.
     *
     * @throws IllegalArgumentException if {@code table} has no stream
     */
    private ManagedPolicy streamReader(ITable table) {
        String streamArn = table.getTableStreamArn();
        Require.argument(streamArn != null, "the limiter table has no stream: the usage aggregator reads it");
        List<String> onStream = new ArrayList<>(PolicyActions.STREAM_READ);
        onStream.remove(LIST_STREAMS);
        ManagedPolicy reader = policy("StreamReader", "Aggregating usage from the limiter table's stream "
                        + "(limiter aggregate, limiter usage replay)",
                statement(PolicyActions.AGGREGATOR, List.of(table.getTableArn())),
                statement(onStream, List.of(streamArn)),
                statement(List.of(LIST_STREAMS), List.of("*")));
        NagSuppressions.addResourceSuppressions(reader, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("dynamodb:ListStreams supports no resource-level permissions; the CLI needs it to find the "
                        + "table's stream. Stream reads themselves are limited to the stream ARN.")
                .appliesTo(List.of("Resource::*"))
                .build()));
        return reader;
    }

    private ManagedPolicy policy(String id, String description, PolicyStatement... statements) {
        return ManagedPolicy.Builder.create(this, id)
                .description(description)
                .statements(List.of(statements))
                .build();
    }

    /** An Allow statement of {@code actions} on {@code resources}. */
    static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources)
                .build();
    }

    /**
     * The namespace condition. {@code ForAllValues} is also true when a request has no leading keys at all (a
     * {@code Scan}), so the {@code Null} check demands that the key be present: only keyed requests pass.
     */
    private static PolicyStatement scoped(List<String> actions, List<String> resources, String namespace) {
        return PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources)
                .conditions(Map.of(
                        LEADING_KEYS_OPERATOR, Map.of(LEADING_KEYS, List.of(leadingKeyPattern(namespace))),
                        "Null", Map.of(LEADING_KEYS, "false")))
                .build();
    }

    /** The actions that address items by key; {@code DescribeTable} has no key and gets its own statement. */
    private static List<String> keyed(List<String> actions) {
        List<String> keyed = new ArrayList<>(actions);
        keyed.remove(DESCRIBE_TABLE);
        return List.copyOf(keyed);
    }
}
