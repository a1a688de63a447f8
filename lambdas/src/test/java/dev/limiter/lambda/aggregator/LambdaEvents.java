package dev.limiter.lambda.aggregator;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds Lambda stream events out of records read through the Streams API, as the event source mapping does. */
final class LambdaEvents {

    private LambdaEvents() {
    }

    /** An event holding {@code records} in order. */
    static DynamodbEvent eventOf(List<DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(new ArrayList<>(records));
        return event;
    }

    /** The Lambda form of an SDK stream record. */
    static DynamodbStreamRecord toLambda(Record record) {
        StreamRecord data = new StreamRecord()
                .withKeys(toLambda(record.dynamodb().keys()))
                .withSequenceNumber(record.dynamodb().sequenceNumber())
                .withSizeBytes(record.dynamodb().sizeBytes())
                .withApproximateCreationDateTime(Date.from(record.dynamodb().approximateCreationDateTime()))
                .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        if (record.dynamodb().hasNewImage()) {
            data.setNewImage(toLambda(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            data.setOldImage(toLambda(record.dynamodb().oldImage()));
        }
        DynamodbStreamRecord converted = new DynamodbStreamRecord();
        converted.setEventID(record.eventID());
        converted.setEventName(record.eventNameAsString());
        converted.setEventSource("aws:dynamodb");
        converted.setEventVersion("1.1");
        converted.setAwsRegion("us-east-1");
        converted.setDynamodb(data);
        converted.setEventSourceARN("arn:aws:dynamodb:us-east-1:123456789012:table/limiter/stream/test");
        if (record.userIdentity() != null) {
            converted.setUserIdentity(new Identity().withPrincipalId(record.userIdentity().principalId())
                    .withType(record.userIdentity().type()));
        }
        return converted;
    }

    /** A copy of {@code record} whose change DynamoDB's TTL process made: a removal of its new image. */
    static DynamodbStreamRecord asTtlRemoval(DynamodbStreamRecord record) {
        DynamodbStreamRecord removal = record.clone();
        removal.setEventName("REMOVE");
        StreamRecord data = record.getDynamodb().clone();
        data.setOldImage(record.getDynamodb().getNewImage());
        data.setNewImage(null);
        removal.setDynamodb(data);
        removal.setUserIdentity(new Identity().withPrincipalId("dynamodb.amazonaws.com").withType("Service"));
        return removal;
    }

    static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> toLambda(
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> converted =
                new HashMap<>();
        image.forEach((name, value) -> converted.put(name, toLambda(value)));
        return converted;
    }

    static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue toLambda(AttributeValue value) {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(value.b().asByteBuffer());
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS -> converted.setBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case M -> converted.setM(toLambda(value.m()));
            case L -> converted.setL(value.l().stream().map(LambdaEvents::toLambda).toList());
            case NUL -> converted.setNULL(value.nul());
            case BOOL -> converted.setBOOL(value.bool());
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return converted;
    }
}
