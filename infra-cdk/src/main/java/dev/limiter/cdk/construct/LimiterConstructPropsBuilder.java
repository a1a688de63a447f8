package dev.limiter.cdk.construct;

import dev.limiter.internal.Require;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Builds {@link LimiterConstructProps}. Every setter validates at once and names the rule it enforces; a setting
 * that conflicts with an earlier one fails at the conflicting call. {@link #build()} copies, so reusing a builder
 * never changes a built object. Not thread-safe.
 */
public final class LimiterConstructPropsBuilder {

    /** Lambda's largest memory size, in MB. */
    static final int MAX_MEMORY_MB = 10_240;
    /** Lambda's longest timeout. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);
    /** A stream keeps records for 24 hours, so an older record cannot be retried anyway. */
    static final Duration MAX_RECORD_AGE = Duration.ofHours(24);

    Path lambdaJar;
    String tableName;
    boolean deletionProtection = true;
    RemovalPolicy removalPolicy = RemovalPolicy.RETAIN;
    int aggregatorMemoryMb = 1024;
    Duration aggregatorTimeout = Duration.ofMinutes(1);
    int provisionerMemoryMb = 1024;
    Duration provisionerTimeout = Duration.ofMinutes(5);
    int batchSize = 100;
    Duration maxBatchingWindow = Duration.ofSeconds(5);
    int retryAttempts = 5;
    Duration maxRecordAge = Duration.ofHours(1);
    RetentionDays logRetention = RetentionDays.ONE_MONTH;
    Path limitsFile;
    String alarmTopicArn;
    boolean createAlarmTopic;
    List<String> namespaces = List.of();
    boolean snapStart;

    LimiterConstructPropsBuilder(Path lambdaJar) {
        this.lambdaJar = Require.nonNull("lambdaJar", lambdaJar);
    }

    /** The shaded Lambda jar deployed as the functions' code; required, checked when the construct is built. */
    public LimiterConstructPropsBuilder lambdaJar(Path jar) {
        this.lambdaJar = Require.nonNull("lambdaJar", jar);
        return this;
    }

    /** A physical table name. Default: a name CloudFormation generates. */
    public LimiterConstructPropsBuilder tableName(String name) {
        Require.nonNull("tableName", name);
        Require.argument(name.matches("[A-Za-z0-9_.-]{3,255}"),
                "tableName '" + Require.echo(name) + "' is invalid: must match [A-Za-z0-9_.-]{3,255}");
        this.tableName = name;
        return this;
    }

    /**
     * Whether DynamoDB refuses to delete the table. Default {@code true}: a limiter table holds every limit and
     * entity; turn it off only for a stage that is meant to be thrown away.
     */
    public LimiterConstructPropsBuilder deletionProtection(boolean enabled) {
        this.deletionProtection = enabled;
        return this;
    }

    /** What happens to the table and log groups when they leave the stack. Default {@link RemovalPolicy#RETAIN}. */
    public LimiterConstructPropsBuilder removalPolicy(RemovalPolicy policy) {
        this.removalPolicy = Require.nonNull("removalPolicy", policy);
        return this;
    }

    /** Memory of the usage aggregator, in MB (128 to 10,240). Default 1,024 (Lambda CPU grows with memory). */
    public LimiterConstructPropsBuilder aggregatorMemoryMb(int memoryMb) {
        this.aggregatorMemoryMb = (int) Require.between("aggregatorMemoryMb", memoryMb, 128, MAX_MEMORY_MB);
        return this;
    }

    /** Timeout of one aggregator invocation (1 s to 15 min). Default 1 min. */
    public LimiterConstructPropsBuilder aggregatorTimeout(Duration timeout) {
        this.aggregatorTimeout = timeout("aggregatorTimeout", timeout);
        return this;
    }

    /** Memory of the limits provisioner, in MB (128 to 10,240). Default 1,024. */
    public LimiterConstructPropsBuilder provisionerMemoryMb(int memoryMb) {
        this.provisionerMemoryMb = (int) Require.between("provisionerMemoryMb", memoryMb, 128, MAX_MEMORY_MB);
        return this;
    }

    /** Timeout of one provisioner invocation (1 s to 15 min). Default 5 min. */
    public LimiterConstructPropsBuilder provisionerTimeout(Duration timeout) {
        this.provisionerTimeout = timeout("provisionerTimeout", timeout);
        return this;
    }

    /** Most stream records per aggregator invocation (1 to 10,000). Default 100. */
    public LimiterConstructPropsBuilder batchSize(int records) {
        this.batchSize = (int) Require.between("batchSize", records, 1, 10_000);
        return this;
    }

    /** How long the event source gathers records before invoking (0 to 300 s). Default 5 s. */
    public LimiterConstructPropsBuilder maxBatchingWindow(Duration window) {
        Require.nonNull("maxBatchingWindow", window);
        Require.between("maxBatchingWindow seconds", window.toSeconds(), 0, 300);
        this.maxBatchingWindow = window;
        return this;
    }

    /** Retries of a failing batch before it goes to the on-failure queue (0 to 10,000). Default 5. */
    public LimiterConstructPropsBuilder retryAttempts(int attempts) {
        this.retryAttempts = (int) Require.between("retryAttempts", attempts, 0, 10_000);
        return this;
    }

    /** Age after which a record is sent to the on-failure queue unprocessed (60 s to 24 h). Default 1 h. */
    public LimiterConstructPropsBuilder maxRecordAge(Duration age) {
        Require.nonNull("maxRecordAge", age);
        Require.between("maxRecordAge seconds", age.toSeconds(), 60, MAX_RECORD_AGE.toSeconds());
        this.maxRecordAge = age;
        return this;
    }

    /** Retention of the functions' log groups. Default one month. */
    public LimiterConstructPropsBuilder logRetention(RetentionDays retention) {
        this.logRetention = Require.nonNull("logRetention", retention);
        return this;
    }

    /**
     * A limits manifest (YAML) to apply on every deployment through a custom resource, read at synthesis time.
     * Default: none, and no custom resource.
     */
    public LimiterConstructPropsBuilder limitsFile(Path file) {
        this.limitsFile = Require.nonNull("limitsFile", file);
        return this;
    }

    /**
     * An existing SNS topic for alarm and OK notifications.
     *
     * @throws IllegalStateException if {@link #createAlarmTopic()} was called
     */
    public LimiterConstructPropsBuilder alarmTopicArn(String arn) {
        Require.nonNull("alarmTopicArn", arn);
        Require.argument(arn.startsWith("arn:") && arn.contains(":sns:"),
                "alarmTopicArn '" + Require.echo(arn) + "' is invalid: must be an SNS topic ARN (arn:...:sns:...)");
        requireState(!createAlarmTopic, "alarmTopicArn(...) conflicts with createAlarmTopic() called earlier");
        this.alarmTopicArn = arn;
        return this;
    }

    /**
     * Creates an SNS topic for alarm and OK notifications. Default: no topic, alarms without actions.
     *
     * @throws IllegalStateException if {@link #alarmTopicArn(String)} was called
     */
    public LimiterConstructPropsBuilder createAlarmTopic() {
        requireState(alarmTopicArn == null, "createAlarmTopic() conflicts with alarmTopicArn(...) set earlier");
        this.createAlarmTopic = true;
        return this;
    }

    /**
     * Namespaces that get their own scoped acquire-only and read-only policies. Default none.
     *
     * @throws IllegalArgumentException if a namespace breaks the library's namespace rule or is repeated
     */
    public LimiterConstructPropsBuilder namespaces(List<String> names) {
        List<String> copy = List.copyOf(Require.nonNull("namespaces", names));
        for (String name : copy) {
            Require.namespace("namespace", name);
        }
        Require.argument(copy.stream().distinct().count() == copy.size(), "namespaces " + copy + " repeat a name");
        this.namespaces = copy;
        return this;
    }

    /**
     * Whether the functions use Lambda SnapStart: the initialised JVM (handler constructed, SDK and codecs primed by
     * the handlers' priming step) is restored from a snapshot instead of started cold. SnapStart applies only to
     * published versions, so the event source and the custom resource then invoke an alias
     * {@code live} on the current version. Default {@code false}.
     */
    public LimiterConstructPropsBuilder snapStart(boolean enabled) {
        this.snapStart = enabled;
        return this;
    }

    /** The props. */
    public LimiterConstructProps build() {
        return new LimiterConstructProps(this);
    }

    private static Duration timeout(String field, Duration timeout) {
        Require.nonNull(field, timeout);
        Require.between(field + " seconds", timeout.toSeconds(), 1, MAX_TIMEOUT.toSeconds());
        return timeout;
    }

    private static void requireState(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
