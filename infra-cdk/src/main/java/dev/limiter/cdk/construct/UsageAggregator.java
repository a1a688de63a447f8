package dev.limiter.cdk.construct;

import dev.limiter.cdk.iam.FunctionPermissions;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.Keys;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The usage aggregator: a function on the table's stream that turns consumed-counter deltas into usage snapshots,
 * and the queue that receives the descriptions of batches it could not process.
 */
final class UsageAggregator extends Construct {

    /** The aggregator's handler in the shaded jar. */
    static final String HANDLER = "dev.limiter.lambda.aggregator.UsageAggregatorHandler::handleRequest";

    private final Function function;
    private final Queue deadLetterQueue;

    UsageAggregator(Construct scope, String id, Table table, Code code, LimiterConstructProps props) {
        super(scope, id);
        deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                // The longest SQS allows: a failed batch must outlive a long weekend before someone looks.
                .retentionPeriod(Duration.days(14))
                .build();
        NagSuppressions.addResourceSuppressions(deadLetterQueue, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SQS3")
                .reason("This queue is itself the dead-letter destination of the stream event source mapping; "
                        + "it holds batch descriptions for inspection and has nowhere further to redrive to.")
                .build()));
        FunctionSpec spec = new FunctionSpec(HANDLER, "Aggregates limiter usage from the table's stream",
                props.aggregatorMemoryMb(), props.aggregatorTimeout());
        function = JavaFunctions.create(this, "Function", spec, code, table, props);
        function.addToRolePolicy(FunctionPermissions.aggregator(table));
        JavaFunctions.invocable(this, function, props).addEventSource(eventSource(table, props));
        suppressListStreams();
    }

    private DynamoEventSource eventSource(Table table, LimiterConstructProps props) {
        return DynamoEventSource.Builder.create(table)
                // Snapshots are built from every change; starting at the latest record would drop what was
                // written while the mapping was being created.
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(props.batchSize())
                .maxBatchingWindow(Duration.seconds(props.maxBatchingWindow().toSeconds()))
                // Halving a failing batch isolates a poison record instead of retrying the whole batch.
                .bisectBatchOnError(true)
                .retryAttempts(props.retryAttempts())
                .maxRecordAge(Duration.seconds(props.maxRecordAge().toSeconds()))
                // The handler names the first failed record, so records before it are not processed twice.
                .reportBatchItemFailures(true)
                .onFailure(new SqsDlq(deadLetterQueue))
                // Only bucket items (sort key "B") carry usage; without the filter every snapshot the function
                // writes would come back on the stream and invoke it again, only to be ignored.
                .filters(List.of(FilterCriteria.filter(Map.of("dynamodb", Map.of("Keys",
                        Map.of(Attributes.SK, Map.of("S", FilterRule.isEqual(Keys.BUCKET_SK))))))))
                .build();
    }

    /**
     * The event source adds {@code dynamodb:ListStreams} on {@code *} to the role: that action has no resource-level
     * permissions, so no narrower resource exists.
     */
    private void suppressListStreams() {
        // The grants land in the role's default policy; the suppression goes there and nowhere else.
        IConstruct policy = function.getRole().getNode().findChild("DefaultPolicy");
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("dynamodb:ListStreams supports no resource-level permissions; the event source mapping "
                        + "needs it to find the table's stream. Stream reads themselves are limited to the stream ARN.")
                .appliesTo(List.of("Resource::*"))
                .build()), true);
    }

    /** The aggregator function. */
    Function function() {
        return function;
    }

    /** The queue that receives the descriptions of batches that failed all retries. */
    Queue deadLetterQueue() {
        return deadLetterQueue;
    }
}
