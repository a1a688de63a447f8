package dev.limiter.lambda.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One CloudWatch embedded metric format (EMF) document: counts in namespace {@value #NAMESPACE} with the dimension
 * {@code FunctionName}, written as one JSON line to standard output, where CloudWatch Logs extracts the metrics. The
 * alarms of module {@code infra-cdk} watch these names. Not thread-safe; one per invocation.
 */
public final class EmbeddedMetrics {

    /** The metrics' namespace. */
    public static final String NAMESPACE = "Limiter";
    /** Records of an aggregator batch reported as failed (partial batch failures). */
    public static final String AGGREGATOR_FAILED_RECORDS = "AggregatorFailedRecords";
    /** Snapshots written that still lack records of their bucket. */
    public static final String AGGREGATOR_SNAPSHOTS_WITH_GAPS = "AggregatorSnapshotsWithGaps";
    /** Gaps closed without their records (usage lost to the snapshot). */
    public static final String AGGREGATOR_GAPS_SEALED = "AggregatorGapsSealed";
    /** Custom-resource requests answered FAILED. */
    public static final String PROVISIONER_FAILURES = "ProvisionerFailures";

    private final String functionName;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    private EmbeddedMetrics(String functionName) {
        this.functionName = functionName;
    }

    /** Metrics of the function named by {@code AWS_LAMBDA_FUNCTION_NAME} in {@code environment} ("local" without). */
    public static EmbeddedMetrics forFunction(Map<String, String> environment) {
        return new EmbeddedMetrics(environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local"));
    }

    /** Records {@code value} for metric {@code name}. */
    public EmbeddedMetrics count(String name, long value) {
        counts.put(name, value);
        return this;
    }

    /** The document as one line, stamped with {@code epochMillis}. */
    public String toLine(long epochMillis) {
        StringBuilder metrics = new StringBuilder();
        StringBuilder values = new StringBuilder();
        counts.forEach((name, value) -> {
            metrics.append(metrics.length() == 0 ? "" : ",").append("{\"Name\":").append(quote(name))
                    .append(",\"Unit\":\"Count\"}");
            values.append(',').append(quote(name)).append(':').append(value);
        });
        return "{\"_aws\":{\"Timestamp\":" + epochMillis + ",\"CloudWatchMetrics\":[{\"Namespace\":"
                + quote(NAMESPACE) + ",\"Dimensions\":[[\"FunctionName\"]],\"Metrics\":[" + metrics + "]}]},"
                + "\"FunctionName\":" + quote(functionName) + values + "}";
    }

    /** Writes the document to {@code out} (standard output in Lambda: EMF must not be wrapped by the logger). */
    public void emit(Consumer<String> out, long epochMillis) {
        out.accept(toLine(epochMillis));
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
