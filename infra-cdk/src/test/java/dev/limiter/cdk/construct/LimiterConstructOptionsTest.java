package dev.limiter.cdk.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The construct's optional parts switched off or changed, and its failures at synthesis time. */
class LimiterConstructOptionsTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:ops-alarms";

    @TempDir
    static Path dir;

    private static Path jar;
    private static Template minimal;
    private static Template importedTopic;
    private static Template snapStart;

    @BeforeAll
    static void synthesise() throws IOException {
        jar = Files.writeString(dir.resolve("stand-in.jar"), "not a real jar");
        minimal = synthesise(LimiterConstructProps.builder(jar).deletionProtection(false)
                .removalPolicy(RemovalPolicy.DESTROY).aggregatorMemoryMb(512).aggregatorTimeout(Duration.ofSeconds(90))
                .batchSize(1000).maxBatchingWindow(Duration.ofSeconds(30)).retryAttempts(2)
                .maxRecordAge(Duration.ofMinutes(10)).build());
        importedTopic = synthesise(LimiterConstructProps.builder(jar).alarmTopicArn(TOPIC).build());
        Path limits = Files.writeString(dir.resolve("limits.yaml"), "namespace: demo\n");
        snapStart = synthesise(LimiterConstructProps.builder(jar).snapStart(true).limitsFile(limits).build());
    }

    private static Template synthesise(LimiterConstructProps props) {
        Stack stack = new Stack(new App(), "Options");
        new LimiterConstruct(stack, "Limiter", props);
        return Template.fromStack(stack);
    }

    @Test
    void table_deletionProtectionOffAndDestroy_areApplied() {
        minimal.hasResource("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Delete",
                "Properties", Map.of("DeletionProtectionEnabled", false, "TableName", Match.absent())));
    }

    @Test
    void snapStart_on_publishesVersionsAndInvokesTheirAliases() {
        snapStart.allResourcesProperties("AWS::Lambda::Function",
                Map.of("SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        snapStart.resourceCountIs("AWS::Lambda::Alias", 2);
        snapStart.allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
        // An alias's name is "<function>:live", joined; the function itself would be a plain Ref or GetAtt.
        snapStart.hasResourceProperties("AWS::Lambda::EventSourceMapping",
                Map.of("FunctionName", Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(":live")))))));
        snapStart.hasResourceProperties(LimitsProvisioner.RESOURCE_TYPE, Map.of("ServiceToken",
                Map.of("Ref", Match.stringLikeRegexp("LimiterProvisionerLive.*"))));
    }

    @Test
    void eventSourceMapping_customSettings_areApplied() {
        minimal.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 1000,
                "MaximumBatchingWindowInSeconds", 30,
                "MaximumRetryAttempts", 2,
                "MaximumRecordAgeInSeconds", 600));
        minimal.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", UsageAggregator.HANDLER, "MemorySize", 512, "Timeout", 90));
    }

    @Test
    void limitsResource_noLimitsFile_isAbsent() {
        minimal.resourceCountIs(LimitsProvisioner.RESOURCE_TYPE, 0);
    }

    @Test
    void alarms_noTopic_haveNoActions() {
        minimal.resourceCountIs("AWS::SNS::Topic", 0);
        minimal.resourceCountIs("AWS::CloudWatch::Alarm", 17);
        minimal.allResourcesProperties("AWS::CloudWatch::Alarm",
                Map.of("AlarmActions", Match.absent(), "OKActions", Match.absent()));
    }

    @Test
    void alarms_existingTopicArn_notifyThatTopicWithoutCreatingOne() {
        importedTopic.resourceCountIs("AWS::SNS::Topic", 0);
        importedTopic.allResourcesProperties("AWS::CloudWatch::Alarm",
                Map.of("AlarmActions", List.of(TOPIC), "OKActions", List.of(TOPIC)));
    }

    @Test
    void create_missingJar_failsWithTheBuildCommand() {
        Stack stack = new Stack(new App(), "MissingJar");
        LimiterConstructProps props = LimiterConstructProps.builder(dir.resolve("absent.jar")).build();

        assertThatThrownBy(() -> new LimiterConstruct(stack, "Limiter", props))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absent.jar does not exist")
                .hasMessageContaining("mvn -B -pl lambdas -am package");
    }

    @Test
    void create_missingLimitsFile_failsNamingThePath() {
        Stack stack = new Stack(new App(), "MissingLimits");
        LimiterConstructProps props = LimiterConstructProps.builder(jar).limitsFile(dir.resolve("none.yaml")).build();

        assertThatThrownBy(() -> new LimiterConstruct(stack, "Limiter", props))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.yaml does not exist");
    }

    @Test
    void serviceTimeout_anyProvisionerTimeout_coversThreeAttemptsWithinOneHour() {
        LimiterConstructProps longest = LimiterConstructProps.builder(jar).provisionerTimeout(Duration.ofMinutes(15))
                .build();
        LimiterConstructProps shortest = LimiterConstructProps.builder(jar).provisionerTimeout(Duration.ofSeconds(10))
                .build();

        assertThat(LimitsProvisioner.serviceTimeout(longest)).isEqualTo(Duration.ofMinutes(49)).isLessThan(Duration.ofHours(1));
        assertThat(LimitsProvisioner.serviceTimeout(shortest)).isEqualTo(Duration.ofSeconds(270));
    }
}
