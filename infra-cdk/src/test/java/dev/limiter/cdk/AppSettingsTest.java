package dev.limiter.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;

class AppSettingsTest {

    private static final Path BASE = Path.of("/work/infra-cdk");

    @Test
    void fromContext_empty_usesStageDevAndItsDefaults() {
        AppSettings settings = settings(Map.of());

        assertThat(settings.stage()).isEqualTo("dev");
        assertThat(settings.stackName()).isEqualTo("limiter-dev");
        assertThat(settings.props().tableName()).contains("limiter-dev");
        assertThat(settings.props().deletionProtection()).isTrue();
        assertThat(settings.props().snapStart()).isFalse();
        assertThat(settings.props().removalPolicy()).isEqualTo(RemovalPolicy.RETAIN);
        assertThat(settings.props().lambdaJar()).isEqualTo(BASE.resolve("../lambdas/target/lambdas.jar"));
        assertThat(settings.props().limitsFile()).isEmpty();
        assertThat(settings.props().alarmTopicArn()).isEmpty();
        assertThat(settings.props().createAlarmTopic()).isFalse();
        assertThat(settings.props().namespaces()).isEmpty();
    }

    @Test
    void fromContext_anyStageNotDeclaredDisposable_keepsDeletionProtectionOn() {
        assertThat(settings(Map.of("stage", "production")).props().deletionProtection()).isTrue();
    }

    @Test
    void fromContext_disposableStage_turnsDeletionProtectionOff() {
        assertThat(settings(Map.of("stage", "ci-42", "disposable", "true")).props().deletionProtection()).isFalse();
    }

    @Test
    void fromContext_disposableButExplicitProtection_keepsTheExplicitSetting() {
        assertThat(settings(Map.of("disposable", true, "deletionProtection", true)).props().deletionProtection())
                .isTrue();
    }

    @Test
    void fromContext_snapStartTrue_turnsItOn() {
        assertThat(settings(Map.of("snapStart", "true")).props().snapStart()).isTrue();
    }

    @Test
    void fromContext_everyKey_isApplied() {
        AppSettings settings = settings(Map.of("stage", "staging", "tableName", "rate-limits",
                "limitsFile", "limits/prod.yaml", "alarmTopicArn", "arn:aws:sns:us-east-1:123456789012:ops",
                "namespaces", " a, b ,", "deletionProtection", false, "removalPolicy", "destroy",
                "lambdaJar", "/opt/lambdas.jar"));

        assertThat(settings.stackName()).isEqualTo("limiter-staging");
        assertThat(settings.props().tableName()).contains("rate-limits");
        assertThat(settings.props().limitsFile()).contains(BASE.resolve("limits/prod.yaml"));
        assertThat(settings.props().alarmTopicArn()).contains("arn:aws:sns:us-east-1:123456789012:ops");
        assertThat(settings.props().namespaces()).containsExactly("a", "b");
        assertThat(settings.props().deletionProtection()).isFalse();
        assertThat(settings.props().removalPolicy()).isEqualTo(RemovalPolicy.DESTROY);
        assertThat(settings.props().lambdaJar()).isEqualTo(Path.of("/opt/lambdas.jar"));
    }

    @Test
    void fromContext_createAlarmTopicTrue_createsOne() {
        assertThat(settings(Map.of("createAlarmTopic", "true")).props().createAlarmTopic()).isTrue();
    }

    @Test
    void fromContext_invalidStage_failsNamingTheKey() {
        assertThatThrownBy(() -> settings(Map.of("stage", "Prod_1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context stage 'Prod_1'");
    }

    @Test
    void fromContext_deletionProtectionNotABoolean_failsNamingTheKey() {
        assertThatThrownBy(() -> settings(Map.of("deletionProtection", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context deletionProtection 'yes' is invalid: must be true or false");
    }

    @Test
    void fromContext_unknownRemovalPolicy_failsNamingTheKey() {
        assertThatThrownBy(() -> settings(Map.of("removalPolicy", "snapshot")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context removalPolicy");
    }

    @Test
    void fromContext_topicArnAndCreateTopic_failsNamingTheConflict() {
        assertThatThrownBy(() -> settings(Map.of("alarmTopicArn", "arn:aws:sns:us-east-1:123456789012:ops",
                "createAlarmTopic", "true")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("conflicts");
    }

    private static AppSettings settings(Map<String, Object> context) {
        return AppSettings.fromContext(App.Builder.create().context(context).build().getNode(), BASE);
    }
}
