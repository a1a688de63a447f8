package dev.limiter.lambda.aggregator;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.limiter.dynamodb.usage.StreamChange;
import dev.limiter.internal.Require;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts records of a Lambda DynamoDB stream event (aws-lambda-java-events types) into {@link StreamChange}s
 * with AWS SDK v2 attribute values.
 */
final class EventConversion {

    private EventConversion() {
    }

    /**
     * The change {@code record} describes.
     *
     * @throws IllegalArgumentException if the record lacks its stream data, event name or creation time, or holds
     *                                  an attribute value of no known type
     */
    static StreamChange toChange(DynamodbStreamRecord record) {
        StreamRecord data = record.getDynamodb();
        Require.argument(data != null, "stream record " + record.getEventID() + " has no 'dynamodb' section");
        Require.argument(record.getEventName() != null, "stream record " + record.getEventID() + " has no event name");
        Require.argument(data.getApproximateCreationDateTime() != null,
                "stream record " + record.getEventID() + " has no ApproximateCreationDateTime");
        Identity identity = record.getUserIdentity();
        boolean ttl = identity != null && StreamChange.isTtlIdentity(
                String.valueOf(identity.getPrincipalId()), String.valueOf(identity.getType()));
        return new StreamChange(StreamChange.Type.valueOf(record.getEventName()), toSdk(data.getKeys()),
                toSdk(data.getOldImage()), toSdk(data.getNewImage()), data.getSequenceNumber(),
                data.getApproximateCreationDateTime().toInstant(), ttl);
    }

    /** The sequence number of {@code record}, or empty text if the record has none. */
    static String sequenceOf(DynamodbStreamRecord record) {
        StreamRecord data = record.getDynamodb();
        return data == null || data.getSequenceNumber() == null ? "" : data.getSequenceNumber();
    }

    /** An image in SDK types; an absent image (the event model's {@code null}) is empty. */
    static Map<String, AttributeValue> toSdk(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null) {
            return Map.of();
        }
        Map<String, AttributeValue> converted = new HashMap<>();
        image.forEach((name, value) -> converted.put(name, toSdk(name, value)));
        return converted;
    }

    /** One attribute value in SDK types, of whichever of the ten DynamoDB types it holds. */
    static AttributeValue toSdk(String name,
                                com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        Require.argument(value != null, "attribute '" + name + "' has no value");
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        }
        if (value.getB() != null) {
            return AttributeValue.fromB(bytes(value.getB()));
        }
        if (value.getSS() != null) {
            return AttributeValue.fromSs(List.copyOf(value.getSS()));
        }
        if (value.getNS() != null) {
            return AttributeValue.fromNs(List.copyOf(value.getNS()));
        }
        if (value.getBS() != null) {
            return AttributeValue.fromBs(value.getBS().stream().map(EventConversion::bytes).toList());
        }
        if (value.getM() != null) {
            return AttributeValue.fromM(toSdk(value.getM()));
        }
        if (value.getL() != null) {
            List<AttributeValue> list = new ArrayList<>();
            value.getL().forEach(element -> list.add(toSdk(name + "[]", element)));
            return AttributeValue.fromL(list);
        }
        if (value.getNULL() != null) {
            return AttributeValue.fromNul(value.getNULL());
        }
        if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        }
        throw new IllegalArgumentException("attribute '" + name + "' has a value of no known DynamoDB type");
    }

    /** A copy of the buffer's remaining bytes; the event's buffer keeps its position. */
    private static SdkBytes bytes(ByteBuffer buffer) {
        return SdkBytes.fromByteBuffer(buffer.duplicate());
    }
}
