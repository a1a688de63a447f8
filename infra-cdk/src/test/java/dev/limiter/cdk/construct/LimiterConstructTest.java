package dev.limiter.cdk.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The construct with every option on, synthesised once with a stand-in jar (the code itself is not inspected). */
class LimiterConstructTest {

    private static final String MANIFEST = "namespace: demo\nresources:\n  gpt:\n    limits: {}\n";

    @TempDir
    static Path dir;

    private static Template template;

    @BeforeAll
    static void synthesise() throws IOException {
        Path jar = Files.writeString(dir.resolve("stand-in.jar"), "not a real jar");
        Path limits = Files.writeString(dir.resolve("limits.yaml"), MANIFEST);
        Stack stack = new Stack(new App(), "Construct");
        new LimiterConstruct(stack, "Limiter", LimiterConstructProps.builder(jar).tableName("limiter-test")
                .limitsFile(limits).createAlarmTopic().namespaces(List.of("tenant")).build());
        template = Template.fromStack(stack);
    }

    @Test
    void table_synthesised_mirrorsTheSchemaWithRecoveryAndRetention() {
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
        template.hasResource("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Map.of(
                        "TableName", "limiter-test",
                        "BillingMode", "PAY_PER_REQUEST",
                        "KeySchema", List.of(key("pk", "HASH"), key("sk", "RANGE")),
                        "AttributeDefinitions", List.of(string("pk"), string("sk"), string("g1pk"), string("g1sk")),
                        "GlobalSecondaryIndexes", List.of(Map.of(
                                "IndexName", "gsi1",
                                "KeySchema", List.of(key("g1pk", "HASH"), key("g1sk", "RANGE")),
                                "Projection", Map.of("ProjectionType", "ALL"))),
                        "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                        "TimeToLiveSpecification", Map.of("AttributeName", "ttl", "Enabled", true),
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "DeletionProtectionEnabled", true)));
    }

    @Test
    void aggregator_synthesised_runsTheHandlerOnJava21Arm64WithTheTableName() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.limiter.lambda.aggregator.UsageAggregatorHandler::handleRequest",
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "MemorySize", 1024,
                "Timeout", 60,
                "Environment", Map.of("Variables", Map.of(
                        "LIMITER_TABLE", Map.of("Ref", tableId()),
                        "JAVA_TOOL_OPTIONS", Match.absent())),
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("LimiterAggregator.*Logs.*")))));
    }

    @Test
    void functions_synthesised_logJsonWithLevelsAndStartWithoutSnapStart() {
        template.allResourcesProperties("AWS::Lambda::Function", Map.of(
                "LoggingConfig", Map.of("LogFormat", "JSON", "ApplicationLogLevel", "INFO", "SystemLogLevel", "WARN"),
                "SnapStart", Match.absent()));
        template.resourceCountIs("AWS::Lambda::Alias", 0);
    }

    @Test
    void eventSourceMapping_synthesised_boundsRetriesAndReportsItemFailuresToTheQueue() {
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", Map.of("Fn::GetAtt", List.of(tableId(), "StreamArn")),
                "FunctionName", Map.of("Ref", aggregatorId()),
                "StartingPosition", "TRIM_HORIZON",
                "BatchSize", 100,
                "MaximumBatchingWindowInSeconds", 5,
                "BisectBatchOnFunctionError", true,
                "MaximumRetryAttempts", 5,
                "MaximumRecordAgeInSeconds", 3600,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(queueId(), "Arn"))))));
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("FilterCriteria",
                Map.of("Filters", List.of(Map.of("Pattern", "{\"dynamodb\":{\"Keys\":{\"sk\":{\"S\":[\"B\"]}}}}")))));
    }

    @Test
    void deadLetterQueue_synthesised_isEncryptedAndRefusesPlainHttp() {
        template.resourceCountIs("AWS::SQS::Queue", 1);
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1_209_600));
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                "Queues", List.of(Map.of("Ref", queueId())),
                "PolicyDocument", Map.of("Statement", List.of(denyPlainHttp("sqs:*")))));
    }

    @Test
    void aggregatorRole_synthesised_readsTheStreamAndWritesSnapshotsOnly() {
        Object logs = Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("LimiterAggregator.*Logs.*"), "Arn"));
        List<Object> statements = List.of(
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), logs),
                allow("dynamodb:UpdateItem", tableArn()),
                allow(List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                        Map.of("Fn::GetAtt", List.of(queueId(), "Arn"))),
                allow("dynamodb:ListStreams", "*"),
                allow(List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
                        Map.of("Fn::GetAtt", List.of(tableId(), "StreamArn"))));

        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("LimiterAggregatorFunctionRole.*"))),
                "PolicyDocument", Map.of("Statement", Match.arrayEquals(statements))));
    }

    @Test
    void functionRoles_synthesised_haveNoManagedPolicies() {
        Object lambdaPrincipal = Map.of("Principal", Map.of("Service", "lambda.amazonaws.com"));

        template.resourceCountIs("AWS::IAM::Role", 2);
        template.allResourcesProperties("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", Match.absent(),
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(lambdaPrincipal))));
    }

    @Test
    void logGroups_synthesised_keepOneMonth() {
        template.resourceCountIs("AWS::Logs::LogGroup", 2);
        template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void provisioner_synthesised_runsTheHandlerWithItsOwnItemAccess() {
        Object items = allow(List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"), tableArn());
        Object index = allow("dynamodb:Query", indexArn());

        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.limiter.lambda.provisioner.LimitsProvisionerHandler::handleRequest",
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "MemorySize", 1024,
                "Timeout", 300,
                "Environment", Map.of("Variables", Map.of("LIMITER_TABLE", Map.of("Ref", tableId())))));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("LimiterProvisionerFunctionRole.*"))),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(items, index)))));
    }

    @Test
    void limitsResource_limitsFileSet_passesTheManifestAndTableToTheProvisioner() {
        Capture token = new Capture();
        template.resourceCountIs(LimitsProvisioner.RESOURCE_TYPE, 1);
        template.hasResourceProperties(LimitsProvisioner.RESOURCE_TYPE, Map.of(
                "ServiceToken", token,
                "ServiceTimeout", "1140",
                "TableName", Map.of("Ref", tableId()),
                "Manifest", MANIFEST));

        assertThat(token.asObject()).isEqualTo(Map.of("Fn::GetAtt", List.of(provisionerId(), "Arn")));
    }

    @Test
    void alarmTopic_created_refusesPlainHttpAndReceivesEveryAlarm() {
        template.resourceCountIs("AWS::SNS::Topic", 1);
        String topic = template.getResourceId("AWS::SNS::Topic");

        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of(
                "PolicyDocument", Map.of("Statement",
                        Match.arrayWith(List.of(Match.objectLike(denyPlainHttp("sns:Publish")))))));
        template.resourceCountIs("AWS::CloudWatch::Alarm", 17);
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmActions", List.of(Map.of("Ref", topic)),
                "OKActions", List.of(Map.of("Ref", topic))));
    }

    @Test
    void alarmTopicPolicy_created_letsThisAccountsCloudWatchAlarmsPublish() {
        Map<String, Object> account = Map.of("Ref", "AWS::AccountId");
        Map<String, Object> alarms = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":cloudwatch:", Map.of("Ref", "AWS::Region"), ":", account, ":alarm:*")));

        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", "sns:Publish",
                        "Resource", Map.of("Ref", template.getResourceId("AWS::SNS::Topic")),
                        "Condition", Map.of("ArnLike", Map.of("aws:SourceArn", alarms),
                                "StringEquals", Map.of("aws:SourceAccount", account)))))))));
    }

    @Test
    void policiesAndDashboard_synthesised_areIncluded() {
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 7);
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }

    private static Map<String, Object> key(String name, String type) {
        return Map.of("AttributeName", name, "KeyType", type);
    }

    private static Map<String, Object> string(String name) {
        return Map.of("AttributeName", name, "AttributeType", "S");
    }

    private static Map<String, Object> denyPlainHttp(String action) {
        return Map.of("Effect", "Deny", "Action", action,
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
    }

    private static Object allow(Object actions, Object resources) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resources);
    }

    private static Map<String, Object> tableArn() {
        return Map.of("Fn::GetAtt", List.of(tableId(), "Arn"));
    }

    private static Map<String, Object> indexArn() {
        return Map.of("Fn::Join", List.of("", List.of(tableArn(), "/index/gsi1")));
    }

    private static String tableId() {
        return template.getResourceId("AWS::DynamoDB::Table");
    }

    private static String queueId() {
        return template.getResourceId("AWS::SQS::Queue");
    }

    private static String aggregatorId() {
        return template.getResourceId("AWS::Lambda::Function", Match.objectLike(Map.of("Properties",
                Match.objectLike(Map.of("Handler", UsageAggregator.HANDLER)))));
    }

    private static String provisionerId() {
        return template.getResourceId("AWS::Lambda::Function", Match.objectLike(Map.of("Properties",
                Match.objectLike(Map.of("Handler", LimitsProvisioner.HANDLER)))));
    }
}
