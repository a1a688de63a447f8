package dev.limiter.cdk.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.table.LimiterTable;
import dev.limiter.dynamodb.usage.StreamPoller;
import dev.limiter.dynamodb.usage.UsageAggregator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.CfnTable;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;

class LimiterPoliciesTest {

    private static final Map<String, Object> TABLE_ARN = Map.of("Fn::GetAtt", List.of("Table", "Arn"));
    private static final Map<String, Object> INDEX_ARN =
            Map.of("Fn::Join", List.of("", List.of(TABLE_ARN, "/index/gsi1")));

    private static Template template;

    @BeforeAll
    static void synthesise() {
        Stack stack = new Stack(new App(), "Policies");
        Table table = Table.Builder.create(stack, "Table")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .build();
        // The logical id "Table" is fixed so that the expected ARNs can be written down literally.
        ((CfnTable) table.getNode().getDefaultChild()).overrideLogicalId("Table");
        new LimiterPolicies(stack, "Policies", table, List.of("tenant-a", "tenant.b"));
        template = Template.fromStack(stack);
    }

    @Test
    void acquireOnly_synthesised_allowsExactlyTheAcquirePathActionsOnTheTable() {
        List<Map<String, Object>> statements = PolicyDocuments.statements(template, "Acquire-only access to the "
                + "limiter table (the acquire path's actions)");

        assertThat(statements).hasSize(1);
        assertThat(PolicyDocuments.actions(statements.get(0)))
                .containsExactlyInAnyOrderElementsOf(DynamoDbBackend.ACQUIRE_ACTIONS)
                .hasSameSizeAs(DynamoDbBackend.ACQUIRE_ACTIONS);
        assertThat(statements.get(0)).containsEntry("Effect", "Allow").containsEntry("Resource", TABLE_ARN)
                .doesNotContainKey("Condition");
    }

    @Test
    void acquireActions_comparedWithTheBackend_areTheSameList() {
        // The same object, not an equal copy: a copy could drift from the code it authorises.
        assertThat(PolicyActions.ACQUIRE).isSameAs(DynamoDbBackend.ACQUIRE_ACTIONS)
                .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:UpdateItem");
    }

    @Test
    void readOnly_synthesised_allowsReadsOnTableAndIndex() {
        List<Map<String, Object>> statements =
                PolicyDocuments.statements(template, "Read-only access to the limiter table and its index");

        assertThat(statements).hasSize(1);
        assertThat(PolicyDocuments.actions(statements.get(0))).containsExactly(
                "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:DescribeTable");
        assertThat(statements.get(0).get("Resource")).isEqualTo(List.of(TABLE_ARN, INDEX_ARN));
    }

    @Test
    void admin_synthesised_allowsReadOnlyPlusWritesOnTableAndIndex() {
        List<Map<String, Object>> statements =
                PolicyDocuments.statements(template, "Administrative access to the limiter table's items and its index");

        assertThat(PolicyDocuments.actions(statements.get(0)))
                .containsAll(PolicyActions.READ_ONLY)
                .containsExactly("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
                        "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                        "dynamodb:DescribeTimeToLive")
                .doesNotContain("dynamodb:Scan", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem");
        assertThat(statements.get(0).get("Resource")).isEqualTo(TABLE_ARN);
        assertThat(statements.get(1)).containsEntry("Action", "dynamodb:Query").containsEntry("Resource", INDEX_ARN);
        assertThat(statements).hasSize(2);
    }

    @Test
    void streamReader_synthesised_writesSnapshotsAndReadsOnlyTheStream() {
        Map<String, Object> streamArn = Map.of("Fn::GetAtt", List.of("Table", "StreamArn"));
        List<Map<String, Object>> statements = PolicyDocuments.statements(template,
                "Aggregating usage from the limiter table's stream (limiter aggregate, limiter usage replay)");

        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).containsEntry("Action", "dynamodb:UpdateItem").containsEntry("Resource", TABLE_ARN);
        assertThat(PolicyDocuments.actions(statements.get(1))).containsExactly(
                "dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords");
        assertThat(statements.get(1)).containsEntry("Resource", streamArn);
        assertThat(statements.get(2)).containsEntry("Action", "dynamodb:ListStreams").containsEntry("Resource", "*");
    }

    @Test
    void streamActions_comparedWithTheCode_areThePollersAndAggregatorsLists() {
        assertThat(PolicyActions.STREAM_READ).isSameAs(StreamPoller.STREAM_ACTIONS);
        assertThat(PolicyActions.AGGREGATOR).isSameAs(UsageAggregator.TABLE_ACTIONS)
                .containsExactly("dynamodb:UpdateItem");
    }

    @Test
    void tableLifecycle_synthesised_allowsWhatCreateAndDeleteCall() {
        List<Map<String, Object>> statements = PolicyDocuments.statements(template,
                "Creating and deleting the limiter table (limiter table create|delete)");

        assertThat(statements).singleElement().satisfies(statement -> {
            assertThat(PolicyDocuments.actions(statement)).containsAll(LimiterTable.CREATE_ACTIONS)
                    .containsAll(LimiterTable.DELETE_ACTIONS).doesNotHaveDuplicates();
            assertThat(statement).containsEntry("Resource", TABLE_ARN);
        });
    }

    @Test
    void provisionerActions_comparedWithTheRecordedCalls_areGetPutDelete() {
        // lambdas' LimitsProvisionerHandlerTest records GetItem, PutItem, DeleteItem and Query (on the index).
        assertThat(PolicyActions.PROVISIONER)
                .containsExactly("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");
        assertThat(PolicyActions.INDEX).containsExactly("dynamodb:Query");
    }

    @Test
    void scopedAcquireOnly_synthesised_confinesTheAcquireActionsToTheNamespacesKeys() {
        List<Map<String, Object>> statements =
                PolicyDocuments.statements(template, "Acquire-only access to namespace tenant-a of the limiter table");

        assertThat(statements).hasSize(1);
        assertThat(PolicyDocuments.actions(statements.get(0)))
                .containsExactlyInAnyOrderElementsOf(DynamoDbBackend.ACQUIRE_ACTIONS);
        assertThat(statements.get(0)).containsEntry("Resource", TABLE_ARN)
                .containsEntry("Condition", namespaceCondition("tenant-a"));
    }

    @Test
    void scopedReadOnly_synthesised_confinesKeyedReadsAndKeepsDescribeTableUnconditioned() {
        List<Map<String, Object>> statements = PolicyDocuments.statements(template,
                "Read-only access to namespace tenant.b of the limiter table and its index");

        assertThat(statements).hasSize(2);
        assertThat(PolicyDocuments.actions(statements.get(0)))
                .containsExactly("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
        assertThat(statements.get(0)).containsEntry("Resource", List.of(TABLE_ARN, INDEX_ARN))
                .containsEntry("Condition", namespaceCondition("tenant.b"));
        assertThat(PolicyDocuments.actions(statements.get(1))).containsExactly("dynamodb:DescribeTable");
        assertThat(statements.get(1)).containsEntry("Resource", TABLE_ARN).doesNotContainKey("Condition");
    }

    @Test
    void policies_twoNamespaces_giveFiveSharedAndFourScopedPolicies() {
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 9);
        template.allResourcesProperties("AWS::IAM::ManagedPolicy",
                Match.objectLike(Map.of("ManagedPolicyName", Match.absent())));
    }

    @Test
    void create_invalidNamespace_failsNamingTheRule() {
        Stack stack = new Stack(new App(), "Invalid");
        Table table = Table.Builder.create(stack, "Table")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build()).build();

        assertThatThrownBy(() -> new LimiterPolicies(stack, "Policies", table, List.of("ns#1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace 'ns#1' is invalid");
    }

    @Test
    void create_repeatedNamespace_fails() {
        Stack stack = new Stack(new App(), "Repeated");
        Table table = Table.Builder.create(stack, "Table")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build()).build();

        assertThatThrownBy(() -> new LimiterPolicies(stack, "Policies", table, List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace 'a' is repeated");
    }

    private static Map<String, Object> namespaceCondition(String namespace) {
        return Map.of(
                "ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of(namespace + "#*")),
                "Null", Map.of("dynamodb:LeadingKeys", "false"));
    }
}
