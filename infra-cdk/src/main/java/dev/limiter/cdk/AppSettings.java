package dev.limiter.cdk;

import dev.limiter.cdk.construct.LimiterConstructProps;
import dev.limiter.cdk.construct.LimiterConstructPropsBuilder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.constructs.Node;

/**
 * The app's settings, read from the CDK context ({@code cdk synth -c key=value} or {@code cdk.json}):
 * <ul>
 *   <li>{@code stage}: names the stack {@code limiter-<stage>}; default {@code dev};</li>
 *   <li>{@code tableName}: default {@code limiter-<stage>};</li>
 *   <li>{@code limitsFile}: a limits YAML applied on deployment; relative to the app's directory; default none;</li>
 *   <li>{@code alarmTopicArn}: an existing SNS topic for alarms; {@code createAlarmTopic=true} creates one
 *       instead; default none;</li>
 *   <li>{@code namespaces}: comma-separated namespaces with scoped policies; default none;</li>
 *   <li>{@code disposable}: {@code true} declares a stage that may be thrown away (a developer's or CI's); default
 *       {@code false};</li>
 *   <li>{@code deletionProtection}: {@code true}/{@code false}; default {@code true} unless the stage is
 *       disposable, whatever its name;</li>
 *   <li>{@code snapStart}: {@code true} runs the functions with Lambda SnapStart; default {@code false};</li>
 *   <li>{@code removalPolicy}: {@code retain}/{@code destroy} for the table and log groups; default
 *       {@code retain};</li>
 *   <li>{@code lambdaJar}: the shaded Lambda jar; default {@code ../lambdas/target/lambdas.jar}.</li>
 * </ul>
 *
 * @param stage the stage
 * @param props the construct's settings
 */
record AppSettings(String stage, LimiterConstructProps props) {

    /** Where {@code mvn package} of the {@code lambdas} module puts the jar, seen from this module's directory. */
    static final Path DEFAULT_LAMBDA_JAR = Path.of("..", "lambdas", "target", "lambdas.jar");

    /**
     * Reads the settings from {@code node}'s context; relative paths resolve against {@code baseDir}.
     *
     * @throws IllegalArgumentException naming the context key of an invalid value
     */
    static AppSettings fromContext(Node node, Path baseDir) {
        String stage = string(node, "stage").orElse("dev");
        if (!stage.matches("[a-z0-9][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("context stage '" + stage
                    + "' is invalid: must match [a-z0-9][a-z0-9-]{0,30} (it becomes part of resource names)");
        }
        Path jar = string(node, "lambdaJar").map(Path::of).orElse(DEFAULT_LAMBDA_JAR);
        LimiterConstructPropsBuilder builder = LimiterConstructProps.builder(baseDir.resolve(jar))
                .tableName(string(node, "tableName").orElse("limiter-" + stage))
                .deletionProtection(bool(node, "deletionProtection").orElse(!bool(node, "disposable").orElse(false)))
                .snapStart(bool(node, "snapStart").orElse(false))
                .removalPolicy(removalPolicy(node))
                .namespaces(list(node, "namespaces"));
        string(node, "limitsFile").map(file -> baseDir.resolve(file)).ifPresent(builder::limitsFile);
        string(node, "alarmTopicArn").ifPresent(builder::alarmTopicArn);
        if (bool(node, "createAlarmTopic").orElse(false)) {
            builder.createAlarmTopic();
        }
        return new AppSettings(stage, builder.build());
    }

    /** The stack's name, {@code limiter-<stage>}. */
    String stackName() {
        return "limiter-" + stage;
    }

    private static RemovalPolicy removalPolicy(Node node) {
        String value = string(node, "removalPolicy").orElse("retain").toLowerCase(Locale.ROOT);
        switch (value) {
            case "retain":
                return RemovalPolicy.RETAIN;
            case "destroy":
                return RemovalPolicy.DESTROY;
            default:
                throw new IllegalArgumentException(
                        "context removalPolicy '" + value + "' is invalid: must be retain or destroy");
        }
    }

    /** A context value as trimmed text; absent or blank is empty. */
    private static Optional<String> string(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null ? Optional.empty() : Optional.of(value.toString().trim()).filter(s -> !s.isEmpty());
    }

    /** A boolean context value: JSON {@code true}/{@code false} in cdk.json or the same words on the command line. */
    private static Optional<Boolean> bool(Node node, String key) {
        return string(node, key).map(value -> {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException(
                        "context " + key + " '" + value + "' is invalid: must be true or false");
            }
            return Boolean.valueOf(value);
        });
    }

    private static List<String> list(Node node, String key) {
        return string(node, key)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
