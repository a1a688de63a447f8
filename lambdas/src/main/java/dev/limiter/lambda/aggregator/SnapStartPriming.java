package dev.limiter.lambda.aggregator;

import dev.limiter.dynamodb.usage.StreamChange;
import dev.limiter.dynamodb.usage.UsageAggregator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work done before a SnapStart snapshot is taken, so restored environments start with the classes of the hot path
 * loaded and initialised: the aggregator parses a record of an item that carries no usage (an entity), which loads
 * the change parser, codecs and result types and makes no network call. Connections are not opened here: a
 * connection in a snapshot would be dead on restore.
 */
final class SnapStartPriming {

    /** Lambda sets this variable to {@value #SNAP_START} while it initialises a function for a snapshot. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    static final String SNAP_START = "snap-start";

    private SnapStartPriming() {
    }

    static boolean isSnapStart(Map<String, String> environment) {
        return SNAP_START.equals(environment.get(INITIALIZATION_TYPE));
    }

    /** Applies one record without usage; nothing is written. */
    static Optional<String> prime(UsageAggregator aggregator) {
        Map<String, AttributeValue> entity = Map.of("pk", AttributeValue.fromS("priming#E#priming"),
                "sk", AttributeValue.fromS("E"));
        StreamChange change = new StreamChange(StreamChange.Type.INSERT, entity, Map.of(), entity, "1",
                Instant.EPOCH, false);
        return aggregator.apply(List.of(change)).firstFailure().map(failure -> failure.reason());
    }
}
