package dev.limiter.lambda.aggregator;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.limiter.dynamodb.usage.StreamChange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventConversionTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:01:00Z");

    // ---- attribute values ----

    @Test
    void toSdk_everyDynamoDbType_convertsValueForValue() {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image = Map.of(
                "s", lambda().withS("text"),
                "n", lambda().withN("-12.5"),
                "b", lambda().withB(ByteBuffer.wrap(new byte[] {1, 2, 3})),
                "ss", lambda().withSS("a", "b"),
                "ns", lambda().withNS("1", "2"),
                "bs", lambda().withBS(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2})),
                "m", lambda().withM(Map.of("k", lambda().withBOOL(false))),
                "l", lambda().withL(lambda().withN("1"), lambda().withNULL(true)),
                "nul", lambda().withNULL(true),
                "bool", lambda().withBOOL(true));

        Map<String, AttributeValue> converted = EventConversion.toSdk(image);

        assertThat(converted).containsExactlyInAnyOrderEntriesOf(Map.of(
                "s", AttributeValue.fromS("text"),
                "n", AttributeValue.fromN("-12.5"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})),
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2")),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}),
                        SdkBytes.fromByteArray(new byte[] {2}))),
                "m", AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(false))),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromNul(true))),
                "nul", AttributeValue.fromNul(true),
                "bool", AttributeValue.fromBool(true)));
    }

    @Test
    void toSdk_binary_leavesTheEventBufferWhereItWas() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3});

        EventConversion.toSdk("b", lambda().withB(buffer));

        assertThat(buffer.remaining()).isEqualTo(3);
    }

    @Test
    void toSdk_valueOfNoType_isRejectedNamingTheAttribute() {
        assertThatThrownBy(() -> EventConversion.toSdk(Map.of("c_tpm", lambda())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c_tpm'");
    }

    // ---- records ----

    @Test
    void toChange_insert_hasEmptyOldImageAndTheRecordsTimeAndSequence() {
        StreamChange change = EventConversion.toChange(record("INSERT", null));

        assertThat(change.type()).isEqualTo(StreamChange.Type.INSERT);
        assertThat(change.oldImage()).isEmpty();
        assertThat(change.newImage()).containsEntry("c_tpm", AttributeValue.fromN("5"));
        assertThat(change.keys()).containsOnlyKeys("pk", "sk");
        assertThat(change.sequenceNumber()).isEqualTo("4200");
        assertThat(change.approximateCreationTime()).isEqualTo(CREATED);
        assertThat(change.ttlRemoval()).isFalse();
    }

    @Test
    void toChange_removalByTheTtlService_isMarked() {
        Identity ttl = new Identity().withPrincipalId("dynamodb.amazonaws.com").withType("Service");

        assertThat(EventConversion.toChange(record("REMOVE", ttl)).ttlRemoval()).isTrue();
    }

    @Test
    void toChange_removalByAUser_isNotMarked() {
        Identity user = new Identity().withPrincipalId("AROAEXAMPLE:admin").withType("AssumedRole");

        assertThat(EventConversion.toChange(record("REMOVE", user)).ttlRemoval()).isFalse();
    }

    @Test
    void toChange_withoutCreationTime_isRejected() {
        DynamodbStreamRecord record = record("MODIFY", null);
        record.getDynamodb().setApproximateCreationDateTime(null);

        assertThatThrownBy(() -> EventConversion.toChange(record))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ApproximateCreationDateTime");
    }

    private static DynamodbStreamRecord record(String eventName, Identity identity) {
        var pk = lambda().withS("ns#B#u#r");
        var sk = lambda().withS("B");
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID("e1");
        record.setEventName(eventName);
        record.setUserIdentity(identity);
        record.setDynamodb(new StreamRecord().withKeys(Map.of("pk", pk, "sk", sk))
                .withNewImage(Map.of("pk", pk, "sk", sk, "c_tpm", lambda().withN("5")))
                .withSequenceNumber("4200").withApproximateCreationDateTime(Date.from(CREATED)));
        return record;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue lambda() {
        return new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    }
}
