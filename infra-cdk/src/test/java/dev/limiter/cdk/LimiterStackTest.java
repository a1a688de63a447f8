package dev.limiter.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/** The app as {@code cdk synth} runs it, with the real Lambda jar. */
class LimiterStackTest {

    @TempDir
    static Path dir;

    private static LimiterStack stack;
    private static Template template;

    @BeforeAll
    static void synthesise() throws IOException {
        Path jar = TestApps.requireRealJar();
        stack = LimiterApp.define(TestApps.app(dir.resolve("cdk.out"), TestApps.fullContext(jar, dir)),
                TestApps.BASE_DIR);
        template = Template.fromStack(stack);
    }

    @Test
    void stack_stageTest_isNamedAfterTheStageAndTagged() {
        assertThat(stack.getStackName()).isEqualTo("limiter-test");
        // Stack tags are not in the template: CloudFormation applies them to every taggable resource on deployment.
        assertThat(stack.getTags().tagValues()).containsEntry("project", "limiter").containsEntry("stage", "test");
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "limiter-test"));
    }

    @Test
    void functions_realJar_shareOneAssetCopiedFromTheJar() throws IOException {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        List<Object> codes = functions.values().stream()
                .map(function -> (Object) ((Map<?, ?>) function.get("Properties")).get("Code")).distinct().toList();

        assertThat(functions).hasSize(2);
        assertThat(codes).hasSize(1);
        String key = String.valueOf(((Map<?, ?>) codes.get(0)).get("S3Key"));
        assertThat(key).endsWith(".jar");
        Path asset = dir.resolve("cdk.out").resolve("asset." + key);
        assertThat(asset).isRegularFile().hasSameBinaryContentAs(TestApps.REAL_JAR);
    }

    @Test
    void outputs_synthesised_nameEveryResourceAnAppOrOperatorNeeds() {
        assertThat(template.findOutputs("*").keySet()).containsExactlyInAnyOrder(
                "TableName", "TableArn", "StreamArn", "AcquireOnlyPolicyArn", "ReadOnlyPolicyArn", "AdminPolicyArn",
                "StreamReaderPolicyArn", "TableLifecyclePolicyArn",
                "NsalphaAcquireOnlyPolicyArn", "NsbetaAcquireOnlyPolicyArn", "NsalphaReadOnlyPolicyArn",
                "NsbetaReadOnlyPolicyArn", "AggregatorFunctionName", "ProvisionerFunctionName",
                "DeadLetterQueueUrl", "DashboardName", "AlarmTopicArn");
    }

    @Test
    void outputs_synthesised_referenceTheirResources() {
        String table = template.getResourceId("AWS::DynamoDB::Table");
        template.hasOutput("TableName", Map.of("Value", Map.of("Ref", table)));
        template.hasOutput("TableArn", Map.of("Value", Map.of("Fn::GetAtt", List.of(table, "Arn"))));
        template.hasOutput("StreamArn", Map.of("Value", Map.of("Fn::GetAtt", List.of(table, "StreamArn"))));
        template.hasOutput("AcquireOnlyPolicyArn", Map.of("Value", Map.of("Ref", policy("Acquire-only access to the "
                + "limiter table (the acquire path's actions)"))));
        template.hasOutput("NsbetaReadOnlyPolicyArn", Map.of("Value", Map.of("Ref",
                policy("Read-only access to namespace beta of the limiter table and its index"))));
        template.hasOutput("DeadLetterQueueUrl", Map.of("Value",
                Map.of("Ref", template.getResourceId("AWS::SQS::Queue"))));
        template.hasOutput("DashboardName", Map.of("Value",
                Map.of("Ref", template.getResourceId("AWS::CloudWatch::Dashboard"))));
        template.hasOutput("AlarmTopicArn", Map.of("Value",
                Map.of("Ref", template.getResourceId("AWS::SNS::Topic"))));
    }

    @Test
    void limitsResource_limitsFileInContext_carriesTheFilesText() throws IOException {
        template.hasResourceProperties("Custom::LimiterLimits", Map.of(
                "Manifest", Files.readString(dir.resolve("limits.yaml"))));
    }

    private static String policy(String description) {
        return template.getResourceId("AWS::IAM::ManagedPolicy",
                Map.of("Properties", Map.of("Description", description)));
    }
}
