package dev.limiter.lambda.aggregator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.limiter.dynamodb.usage.AggregationResult;
import dev.limiter.dynamodb.usage.RecordFailure;
import dev.limiter.dynamodb.usage.StreamChange;
import dev.limiter.dynamodb.usage.UsageAggregator;
import dev.limiter.internal.Require;
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
import java.util.function.Consumer;

/**
 * The usage aggregator Lambda, on the table's stream with {@code ReportBatchItemFailures}. It converts the event,
 * applies it with a {@link UsageAggregator} and returns the first record (in event order) that could not be
 * applied as the only batch item failure: per the partial-batch contract the stream delivers that record and
 * everything after it again, which the snapshots' watermarks make harmless. A record that cannot be converted or
 * parsed is reported the same way, so it ends in the on-failure destination once retries are spent, never silently.
 *
 * <p>Handler string {@value #HANDLER}. Configuration: {@link AggregatorConfig}. IAM on the table:
 * {@code dynamodb:UpdateItem}; on the stream (granted by the event source mapping's usual policy):
 * {@code dynamodb:DescribeStream}, {@code dynamodb:GetRecords}, {@code dynamodb:GetShardIterator},
 * {@code dynamodb:ListStreams}.
 *
 * <p>Logs one JSON object per line: a {@code usage_batch} summary per invocation and a {@code usage_record_failed}
 * line per failed record (the first {@value #MAX_FAILURE_LINES}). Thread-safe.
 */
public final class UsageAggregatorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** The handler string to configure the function with. */
    public static final String HANDLER = "dev.limiter.lambda.aggregator.UsageAggregatorHandler::handleRequest";

    private static final int MAX_FAILURE_LINES = 20;

    private final UsageAggregator aggregator;

    /**
     * The constructor Lambda calls: configuration from the environment, a DynamoDB client from the function's
     * region and role.
     *
     * @throws IllegalArgumentException naming the variable, if the configuration is missing or invalid
     */
    public UsageAggregatorHandler() {
        this(AggregatorConfig.fromEnvironment(System.getenv()));
    }

    /** A handler on {@code aggregator}, e.g. one writing to a test table. */
    public UsageAggregatorHandler(UsageAggregator aggregator) {
        this.aggregator = Require.nonNull("aggregator", aggregator);
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
        for (DynamodbStreamRecord record : records) {
            String sequence = EventConversion.sequenceOf(record);
            Require.argument(!sequence.isEmpty(), "stream record " + record.getEventID()
                    + " has no sequence number: it cannot be reported as a batch item failure");
            try {
                changes.add(EventConversion.toChange(record));
            } catch (RuntimeException unreadable) {
                failed.put(sequence, "record does not convert: " + unreadable.getMessage());
            }
        }
        AggregationResult result = aggregator.apply(changes);
        for (RecordFailure failure : result.failures()) {
            failed.putIfAbsent(failure.sequenceNumber(), failure.reason());
        }
        Optional<String> first = records.stream().map(EventConversion::sequenceOf).filter(failed::containsKey)
                .findFirst();
        log(logger(context), requestId(context), records.size(), result, failed, first);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        first.ifPresent(sequence -> failures.add(new StreamsEventResponse.BatchItemFailure(sequence)));
        return new StreamsEventResponse(failures);
    }

    private static void log(Consumer<String> logger, String requestId, int records, AggregationResult result,
                            Map<String, String> failed, Optional<String> first) {
        JsonLine summary = JsonLine.of(failed.isEmpty() ? "INFO" : "WARN", "usage_batch")
                .add("requestId", requestId)
                .add("records", records)
                .add("ignored", result.ignored())
                .add("counted", result.counted())
                .add("snapshotsWritten", result.snapshotsWritten())
                .add("skippedDuplicates", result.snapshotsAlreadyApplied())
                .add("failedRecords", failed.size());
        first.ifPresent(sequence -> summary.add("retryFromSequenceNumber", sequence));
        logger.accept(summary.toString());
        failed.entrySet().stream().limit(MAX_FAILURE_LINES).forEach(failure -> logger.accept(
                JsonLine.of("ERROR", "usage_record_failed").add("requestId", requestId)
                        .add("sequenceNumber", failure.getKey()).add("reason", failure.getValue()).toString()));
    }

    /** The Lambda logger, or standard output when a test harness passes no context. */
    private static Consumer<String> logger(Context context) {
        if (context == null || context.getLogger() == null) {
            return System.out::println;
        }
        return line -> context.getLogger().log(line + "\n");
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
