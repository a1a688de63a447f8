package dev.limiter.cdk.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

class LimiterConstructPropsTest {

    private static final Path JAR = Path.of("lambdas.jar");
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:alarms";

    @Test
    void build_nothingSet_appliesTheDocumentedDefaults() {
        LimiterConstructProps props = LimiterConstructProps.builder(JAR).build();

        assertThat(props.lambdaJar()).isEqualTo(JAR);
        assertThat(props.tableName()).isEmpty();
        assertThat(props.deletionProtection()).isTrue();
        assertThat(props.snapStart()).isFalse();
        assertThat(props.removalPolicy()).isEqualTo(RemovalPolicy.RETAIN);
        assertThat(props.aggregatorMemoryMb()).isEqualTo(1024);
        assertThat(props.aggregatorTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(props.provisionerMemoryMb()).isEqualTo(1024);
        assertThat(props.provisionerTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(props.batchSize()).isEqualTo(100);
        assertThat(props.maxBatchingWindow()).isEqualTo(Duration.ofSeconds(5));
        assertThat(props.retryAttempts()).isEqualTo(5);
        assertThat(props.maxRecordAge()).isEqualTo(Duration.ofHours(1));
        assertThat(props.logRetention()).isEqualTo(RetentionDays.ONE_MONTH);
        assertThat(props.limitsFile()).isEmpty();
        assertThat(props.alarmTopicArn()).isEmpty();
        assertThat(props.createAlarmTopic()).isFalse();
        assertThat(props.namespaces()).isEmpty();
    }

    @Test
    void toBuilder_everythingSet_rebuildsEqualSettings() {
        LimiterConstructProps props = LimiterConstructProps.builder(JAR).tableName("limits").deletionProtection(true)
                .removalPolicy(RemovalPolicy.DESTROY).aggregatorMemoryMb(512).aggregatorTimeout(Duration.ofSeconds(30))
                .provisionerMemoryMb(2048).provisionerTimeout(Duration.ofMinutes(2)).batchSize(500)
                .maxBatchingWindow(Duration.ofSeconds(10)).retryAttempts(2).maxRecordAge(Duration.ofMinutes(30))
                .logRetention(RetentionDays.ONE_WEEK).limitsFile(Path.of("limits.yaml")).alarmTopicArn(TOPIC)
                .namespaces(List.of("a", "b")).build();

        LimiterConstructProps copy = props.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(props);
        assertThat(copy.alarmTopicArn()).contains(TOPIC);
        assertThat(copy.namespaces()).containsExactly("a", "b");
    }

    @Test
    void build_builderReusedAfterwards_leavesTheBuiltPropsUnchanged() {
        LimiterConstructPropsBuilder builder = LimiterConstructProps.builder(JAR).namespaces(List.of("a"));
        LimiterConstructProps first = builder.build();

        builder.namespaces(List.of("b")).batchSize(7);

        assertThat(first.namespaces()).containsExactly("a");
        assertThat(first.batchSize()).isEqualTo(100);
    }

    @Test
    void createAlarmTopic_afterAlarmTopicArn_failsNamingTheConflict() {
        LimiterConstructPropsBuilder builder = LimiterConstructProps.builder(JAR).alarmTopicArn(TOPIC);

        assertThatThrownBy(builder::createAlarmTopic).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("conflicts with alarmTopicArn");
    }

    @Test
    void alarmTopicArn_afterCreateAlarmTopic_failsNamingTheConflict() {
        LimiterConstructPropsBuilder builder = LimiterConstructProps.builder(JAR).createAlarmTopic();

        assertThatThrownBy(() -> builder.alarmTopicArn(TOPIC)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("conflicts with createAlarmTopic");
    }

    @Test
    void alarmTopicArn_notAnSnsArn_failsNamingTheField() {
        assertThatThrownBy(() -> LimiterConstructProps.builder(JAR).alarmTopicArn("alarms"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alarmTopicArn 'alarms'");
    }

    @Test
    void batchSize_aboveTheLambdaLimit_failsNamingTheRange() {
        assertThatThrownBy(() -> LimiterConstructProps.builder(JAR).batchSize(10_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize is 10001: must be between 1 and 10000");
    }

    @Test
    void maxRecordAge_beyondTheStreamRetention_fails() {
        assertThatThrownBy(() -> LimiterConstructProps.builder(JAR).maxRecordAge(Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRecordAge seconds is 90000");
    }

    @Test
    void aggregatorTimeout_beyondFifteenMinutes_fails() {
        assertThatThrownBy(() -> LimiterConstructProps.builder(JAR).aggregatorTimeout(Duration.ofMinutes(16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aggregatorTimeout seconds");
    }

    @Test
    void provisionerMemoryMb_belowTheLambdaMinimum_fails() {
        assertThatThrownBy(() -> LimiterConstructProps.builder(JAR).provisionerMemoryMb(64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provisionerMemoryMb is 64");
    }

    @Test
    void tableName_withInvalidCharacters_failsNamingTheRule() {
        assertThatThrownBy(() -> LimiterConstructProps.builder(JAR).tableName("my table"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[A-Za-z0-9_.-]{3,255}");
    }

    @Test
    void namespaces_repeated_fails() {
        assertThatThrownBy(() -> LimiterConstructProps.builder(JAR).namespaces(List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat a name");
    }

    @Test
    void namespaces_withHash_failsWithTheLibrarysRule() {
        assertThatThrownBy(() -> LimiterConstructProps.builder(JAR).namespaces(List.of("a#b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace 'a#b' is invalid");
    }
}
