package dev.limiter.cdk.construct;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The settings of a {@link LimiterConstruct}; immutable and thread-safe. Build them with
 * {@link #builder(Path)}, whose setters document each default; {@link #toBuilder()} starts a variant.
 */
public final class LimiterConstructProps {

    private final Path lambdaJar;
    private final String tableName;
    private final boolean deletionProtection;
    private final RemovalPolicy removalPolicy;
    private final int aggregatorMemoryMb;
    private final Duration aggregatorTimeout;
    private final int provisionerMemoryMb;
    private final Duration provisionerTimeout;
    private final int batchSize;
    private final Duration maxBatchingWindow;
    private final int retryAttempts;
    private final Duration maxRecordAge;
    private final RetentionDays logRetention;
    private final Path limitsFile;
    private final String alarmTopicArn;
    private final boolean createAlarmTopic;
    private final List<String> namespaces;
    private final boolean snapStart;

    LimiterConstructProps(LimiterConstructPropsBuilder builder) {
        this.lambdaJar = builder.lambdaJar;
        this.tableName = builder.tableName;
        this.deletionProtection = builder.deletionProtection;
        this.removalPolicy = builder.removalPolicy;
        this.aggregatorMemoryMb = builder.aggregatorMemoryMb;
        this.aggregatorTimeout = builder.aggregatorTimeout;
        this.provisionerMemoryMb = builder.provisionerMemoryMb;
        this.provisionerTimeout = builder.provisionerTimeout;
        this.batchSize = builder.batchSize;
        this.maxBatchingWindow = builder.maxBatchingWindow;
        this.retryAttempts = builder.retryAttempts;
        this.maxRecordAge = builder.maxRecordAge;
        this.logRetention = builder.logRetention;
        this.limitsFile = builder.limitsFile;
        this.alarmTopicArn = builder.alarmTopicArn;
        this.createAlarmTopic = builder.createAlarmTopic;
        this.namespaces = List.copyOf(builder.namespaces);
        this.snapStart = builder.snapStart;
    }

    /** A builder whose functions run the shaded Lambda jar at {@code lambdaJar} (e.g. {@code lambdas.jar}). */
    public static LimiterConstructPropsBuilder builder(Path lambdaJar) {
        return new LimiterConstructPropsBuilder(lambdaJar);
    }

    /** A builder holding these settings. */
    public LimiterConstructPropsBuilder toBuilder() {
        LimiterConstructPropsBuilder builder = builder(lambdaJar)
                .deletionProtection(deletionProtection).removalPolicy(removalPolicy)
                .aggregatorMemoryMb(aggregatorMemoryMb).aggregatorTimeout(aggregatorTimeout)
                .provisionerMemoryMb(provisionerMemoryMb).provisionerTimeout(provisionerTimeout)
                .batchSize(batchSize).maxBatchingWindow(maxBatchingWindow)
                .retryAttempts(retryAttempts).maxRecordAge(maxRecordAge)
                .logRetention(logRetention).namespaces(namespaces).snapStart(snapStart);
        tableName().ifPresent(builder::tableName);
        limitsFile().ifPresent(builder::limitsFile);
        alarmTopicArn().ifPresent(builder::alarmTopicArn);
        if (createAlarmTopic) {
            builder.createAlarmTopic();
        }
        return builder;
    }

    /** The shaded Lambda jar. */
    public Path lambdaJar() {
        return lambdaJar;
    }

    /** The physical table name, if one was set. */
    public Optional<String> tableName() {
        return Optional.ofNullable(tableName);
    }

    /** Whether the functions run with SnapStart, invoked through an alias on their published version. */
    public boolean snapStart() {
        return snapStart;
    }

    /** Whether the table has deletion protection. */
    public boolean deletionProtection() {
        return deletionProtection;
    }

    /** The removal policy of the table and the log groups. */
    public RemovalPolicy removalPolicy() {
        return removalPolicy;
    }

    /** The aggregator's memory, in MB. */
    public int aggregatorMemoryMb() {
        return aggregatorMemoryMb;
    }

    /** The aggregator's timeout. */
    public Duration aggregatorTimeout() {
        return aggregatorTimeout;
    }

    /** The provisioner's memory, in MB. */
    public int provisionerMemoryMb() {
        return provisionerMemoryMb;
    }

    /** The provisioner's timeout. */
    public Duration provisionerTimeout() {
        return provisionerTimeout;
    }

    /** The largest batch of stream records per aggregator invocation. */
    public int batchSize() {
        return batchSize;
    }

    /** The event source's batching window. */
    public Duration maxBatchingWindow() {
        return maxBatchingWindow;
    }

    /** Retries of a failing batch. */
    public int retryAttempts() {
        return retryAttempts;
    }

    /** The age after which a record goes to the on-failure queue. */
    public Duration maxRecordAge() {
        return maxRecordAge;
    }

    /** The retention of the functions' log groups. */
    public RetentionDays logRetention() {
        return logRetention;
    }

    /** The limits manifest applied on deployment, if any. */
    public Optional<Path> limitsFile() {
        return Optional.ofNullable(limitsFile);
    }

    /** The existing alarm topic, if one was set. */
    public Optional<String> alarmTopicArn() {
        return Optional.ofNullable(alarmTopicArn);
    }

    /** Whether the construct creates its own alarm topic. */
    public boolean createAlarmTopic() {
        return createAlarmTopic;
    }

    /** The namespaces with scoped policies, in order. */
    public List<String> namespaces() {
        return namespaces;
    }
}
