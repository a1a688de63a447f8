package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.util.Map;

/** Converts records of the DynamoDB Streams API into {@link StreamChange}s. */
final class RecordConversion {

    private RecordConversion() {
    }

    /**
     * The change {@code record} describes.
     *
     * @throws IllegalArgumentException if the record lacks its stream data, event name or creation time
     */
    static StreamChange toChange(Record record) {
        StreamRecord data = record.dynamodb();
        Require.argument(data != null, "stream record " + record.eventID() + " has no 'dynamodb' section");
        Require.argument(record.eventNameAsString() != null,
                "stream record " + record.eventID() + " has no event name");
        Require.argument(data.approximateCreationDateTime() != null && data.sequenceNumber() != null,
                "stream record " + record.eventID() + " lacks its sequence number or creation time");
        Identity identity = record.userIdentity();
        boolean ttl = identity != null && StreamChange.isTtlIdentity(
                String.valueOf(identity.principalId()), String.valueOf(identity.type()));
        return new StreamChange(StreamChange.Type.valueOf(record.eventNameAsString()), data.keys(),
                data.hasOldImage() ? data.oldImage() : Map.of(), data.hasNewImage() ? data.newImage() : Map.of(),
                data.sequenceNumber(), data.approximateCreationDateTime(), ttl);
    }

    /** The sequence number of {@code record} for a failure report, even when the record is malformed. */
    static String sequenceOf(Record record) {
        return record.dynamodb() == null || record.dynamodb().sequenceNumber() == null
                ? "unknown (event " + record.eventID() + ")" : record.dynamodb().sequenceNumber();
    }
}
