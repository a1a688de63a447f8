package dev.limiter.lambda.aggregator;

import dev.limiter.dynamodb.usage.StreamPoller;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.List;

/** Reads every record of a table's stream from the trim horizon, in a bounded number of calls. */
final class StreamTail {

    private static final int MAX_CALLS_PER_SHARD = 200;

    private StreamTail() {
    }

    /** The records whose partition key starts with {@code pkPrefix}, in stream order. */
    static List<Record> read(DynamoDbStreamsClient streams, String tableName, String pkPrefix) {
        String arn = StreamPoller.latestStreamArn(streams, tableName).orElseThrow();
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(request -> request.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(request -> request.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            for (int call = 0; call < MAX_CALLS_PER_SHARD && iterator != null; call++) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(request -> request.shardIterator(current));
                if (page.records().isEmpty()) {
                    break;
                }
                page.records().stream()
                        .filter(record -> record.dynamodb().keys().get("pk").s().startsWith(pkPrefix))
                        .forEach(records::add);
                iterator = page.nextShardIterator();
            }
        }
        return records;
    }
}
