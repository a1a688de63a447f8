package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A stream batch the Lambda event source mapping gave up on, as its on-failure destination describes it (the
 * {@code DDBStreamBatchInfo} of the message): pointers into the stream, not the records themselves. The stream keeps
 * records for 24 hours, so the batch can be re-read only until then.
 *
 * @param streamArn                the table's stream
 * @param shardId                  the shard the batch came from
 * @param startSequenceNumber      the first record of the batch
 * @param endSequenceNumber        the last record of the batch
 * @param batchSize                how many records the batch held
 * @param approximateFirstArrival  when the first record reached the stream; the stream drops it 24 hours later
 */
public record FailedBatch(String streamArn, String shardId, String startSequenceNumber, String endSequenceNumber,
                          int batchSize, Instant approximateFirstArrival) {

    /**
     * Checks the fields: sequence numbers of 1 to 40 digits, start not after end, a non-negative size.
     *
     * @throws IllegalArgumentException naming the field and the rule
     */
    public FailedBatch {
        Require.nonNull("streamArn", streamArn);
        Require.argument(streamArn.startsWith("arn:") && streamArn.contains(":table/") && streamArn.contains(
                "/stream/"), "streamArn '" + Require.echo(streamArn) + "' is invalid: must be a DynamoDB stream "
                + "ARN (arn:...:table/NAME/stream/LABEL)");
        Require.nonNull("shardId", shardId);
        Require.argument(!shardId.isBlank(), "shardId is empty: must name the shard of the failed batch");
        BigInteger start = sequence("startSequenceNumber", startSequenceNumber);
        BigInteger end = sequence("endSequenceNumber", endSequenceNumber);
        Require.argument(start.compareTo(end) <= 0, "startSequenceNumber " + startSequenceNumber
                + " is after endSequenceNumber " + endSequenceNumber + ": must not be");
        Require.argument(batchSize >= 0, "batchSize is " + batchSize + ": must not be negative");
        Require.nonNull("approximateFirstArrival", approximateFirstArrival);
    }

    /** The table the stream belongs to: the name between {@code table/} and {@code /stream/}. */
    public String tableName() {
        int from = streamArn.indexOf(":table/") + ":table/".length();
        return streamArn.substring(from, streamArn.indexOf("/stream/", from));
    }

    BigInteger start() {
        return UsageItems.parseSequence(startSequenceNumber);
    }

    BigInteger end() {
        return UsageItems.parseSequence(endSequenceNumber);
    }

    private static BigInteger sequence(String field, String value) {
        Require.nonNull(field, value);
        try {
            return UsageItems.parseSequence(value);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(field + " '" + Require.echo(value) + "' is invalid: must be 1 to "
                    + UsageItems.WATERMARK_DIGITS + " decimal digits", invalid);
        }
    }
}
