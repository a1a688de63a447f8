package dev.limiter.localstack;

import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a test table's stream from the trim horizon, for tests that check what a stream consumer makes of real
 * records. Bounded: at most {@value #MAX_CALLS_PER_SHARD} {@code GetRecords} calls per shard, stopping at the first
 * empty page.
 */
public final class StreamRecords {

    private static final int MAX_CALLS_PER_SHARD = 200;

    private StreamRecords() {
    }

    /** The records of {@code tableName}'s latest stream whose partition key starts with {@code pkPrefix}, in order. */
    public static List<Record> read(DynamoDbStreamsClient streams, String tableName, String pkPrefix) {
        List<Stream> found = streams.listStreams(request -> request.tableName(tableName)).streams();
        if (found.isEmpty()) {
            throw new IllegalStateException("table " + tableName + " has no stream");
        }
        String arn = found.get(found.size() - 1).streamArn();
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
