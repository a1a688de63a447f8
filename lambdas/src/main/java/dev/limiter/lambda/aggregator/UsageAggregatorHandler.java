package dev.limiter.lambda.aggregator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.limiter.dynamodb.usage.AggregationResult;
import dev.limiter.dynamodb.usage.RecordFailure;
import dev.limiter.dynamodb.usage.StreamChange;
import dev.limiter.dynamodb.usage.UsageAggregator;
import dev.limiter.internal.Require;
import dev.limiter.lambda.logging.EmbeddedMetrics;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The usage aggregator Lambda, on the table's stream with {@code ReportBatchItemFailures}. It converts the event,
 * applies it with a {@link UsageAggregator} and returns the first record (in event order) that could not be
 * applied as the only batch item failure: per the partial-batch contract the stream delivers that record and
 * everything after it again, which the snapshots' applied runs make harmless. A record that cannot be converted or
 * parsed is reported the same way, so it ends in the on-failure destination once retries are spent, never silently;
 * the records after one that cannot be converted are not applied in that invocation (they are redelivered), because
 * a snapshot's applied runs assume that a batch is one contiguous stretch of its shard.
 *
 * <p>Handler string {@value #HANDLER}. Configuration: {@link AggregatorConfig}. IAM on the table:
 * {@code dynamodb:UpdateItem}; on the stream (granted by the event source mapping's usual policy):
 * {@code dynamodb:DescribeStream}, {@code dynamodb:GetRecords}, {@code dynamodb:GetShardIterator},
 * {@code dynamodb:ListStreams}.
 *
 * <p>Logs one JSON object per line through the Lambda logger with its level: a {@code usage_batch} summary per
 * invocation (WARN when records failed or snapshots have gaps) and a {@code usage_record_failed} line per failed
 * record (the first {@value #MAX_FAILURE_LINES}). Publishes, as an embedded metric format line on standard output,
 * the failed records, the snapshots with gaps and the gaps sealed of every batch, so partial batch failures (which
 * Lambda's {@code Errors} never counts) can raise an alarm. Thread-safe.
 */
public final class UsageAggregatorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** The handler string to configure the function with. */
    public static final String HANDLER = "dev.limiter.lambda.aggregator.UsageAggregatorHandler::handleRequest";

    private static final int MAX_FAILURE_LINES = 20;

    private final UsageAggregator aggregator;
    private final Consumer<String> metricsOut;
    private final Map<String, String> environment;

    /**
     * The constructor Lambda calls: configuration from the environment, a DynamoDB client from the function's
     * region and role.
     *
     * @throws IllegalArgumentException naming the variable, if the configuration is missing or invalid
     */
    public UsageAggregatorHandler() {
        this(AggregatorConfig.fromEnvironment(System.getenv()));
        if (SnapStartPriming.isSnapStart(environment)) {
            SnapStartPriming.prime(aggregator);
        }
    }

    /** A handler on {@code aggregator}, e.g. one writing to a test table; metrics go to standard output. */
    public UsageAggregatorHandler(UsageAggregator aggregator) {
        this(aggregator, System.out::println, System.getenv());
    }

    UsageAggregatorHandler(UsageAggregator aggregator, Consumer<String> metricsOut, Map<String, String> environment) {
        this.aggregator = Require.nonNull("aggregator", aggregator);
        this.metricsOut = metricsOut;
        this.environment = Map.copyOf(environment);
    }

    private UsageAggregatorHandler(AggregatorConfig config) {
        this(UsageAggregator.create(newClient(), config.tableName(), config.settings()));
    }

    /**
     * Applies the event's records and reports the first that failed.
     *
     * @throws IllegalArgumentException if a record has no sequence number, so it could not be reported; the whole
     *                                  batch then fails and is retried (and bisected) by the event source mapping
     */
    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<StreamChange> changes = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        boolean blocked = false;
        for (DynamodbStreamRecord record : records) {
            String sequence = EventConversion.sequenceOf(record);
            Require.argument(!sequence.isEmpty(), "stream record " + record.getEventID()
                    + " has no sequence number: it cannot be reported as a batch item failure");
            if (blocked) {
                continue; // redelivered from the failed record on: a batch stays one contiguous stretch
            }
            try {
                changes.add(EventConversion.toChange(record));
            } catch (RuntimeException unreadable) {
                failed.put(sequence, "record does not convert: " + unreadable.getMessage());
                blocked = true;
            }
        }
        AggregationResult result = aggregator.apply(changes);
        for (RecordFailure failure : result.failures()) {
            failed.putIfAbsent(failure.sequenceNumber(), failure.reason());
        }
        Optional<String> first = records.stream().map(EventConversion::sequenceOf).filter(failed::containsKey)
                .findFirst();
        log(logger(context), requestId(context), records.size(), result, failed, first);
        EmbeddedMetrics.forFunction(environment)
                .count(EmbeddedMetrics.AGGREGATOR_FAILED_RECORDS, failed.size())
                .count(EmbeddedMetrics.AGGREGATOR_SNAPSHOTS_WITH_GAPS, result.snapshotsWithGaps())
                .count(EmbeddedMetrics.AGGREGATOR_GAPS_SEALED, result.gapsSealed())
                .emit(metricsOut, System.currentTimeMillis());
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        first.ifPresent(sequence -> failures.add(new StreamsEventResponse.BatchItemFailure(sequence)));
        return new StreamsEventResponse(failures);
    }

    private static void log(BiConsumer<String, LogLevel> logger, String requestId, int records,
                            AggregationResult result, Map<String, String> failed, Optional<String> first) {
        LogLevel level = failed.isEmpty() && result.snapshotsWithGaps() == 0 ? LogLevel.INFO : LogLevel.WARN;
        JsonLine summary = JsonLine.of(level.name(), "usage_batch")
                .add("requestId", requestId)
                .add("records", records)
                .add("ignored", result.ignored())
                .add("counted", result.counted())
                .add("snapshotsWritten", result.snapshotsWritten())
                .add("skippedDuplicates", result.snapshotsAlreadyApplied())
                .add("snapshotsWithGaps", result.snapshotsWithGaps())
                .add("gapsSealed", result.gapsSealed())
                .add("failedRecords", failed.size());
        first.ifPresent(sequence -> summary.add("retryFromSequenceNumber", sequence));
        logger.accept(summary.toString(), level);
        failed.entrySet().stream().limit(MAX_FAILURE_LINES).forEach(failure -> logger.accept(
                JsonLine.of("ERROR", "usage_record_failed").add("requestId", requestId)
                        .add("sequenceNumber", failure.getKey()).add("reason", failure.getValue()).toString(),
                LogLevel.ERROR));
    }

    /** The Lambda logger with levels, or standard output when a test harness passes no context. */
    private static BiConsumer<String, LogLevel> logger(Context context) {
        if (context == null || context.getLogger() == null) {
            return (line, level) -> System.out.println(line);
        }
        return (line, level) -> context.getLogger().log(line + "\n", level);
    }

    private static String requestId(Context context) {
        return context == null || context.getAwsRequestId() == null ? "" : context.getAwsRequestId();
    }

    /**
     * The function's client: region and credentials from the Lambda environment ({@code AWS_ENDPOINT_URL_DYNAMODB}
     * overrides the endpoint, e.g. for LocalStack), standard retries for throttling and 5xx, bounded timeouts so a
     * stuck call fails its records instead of timing out the whole invocation.
     */
    private static DynamoDbAsyncClient newClient() {
        return DynamoDbAsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(20))
                        .build())
                .build();
    }
}
