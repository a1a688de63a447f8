package dev.limiter.dynamodb.usage;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streams API records into changes, and the order the poller reads shards in. */
class RecordConversionTest {

    private static final Map<String, AttributeValue> KEYS =
            Map.of("pk", AttributeValue.fromS("ns#B#u#r"), "sk", AttributeValue.fromS("B"));

    @Test
    void toChange_ttlRemoval_isMarkedAndKeepsTheOldImage() {
        Record record = Record.builder().eventID("e").eventName("REMOVE")
                .userIdentity(Identity.builder().principalId("dynamodb.amazonaws.com").type("Service").build())
                .dynamodb(StreamRecord.builder().keys(KEYS).oldImage(KEYS).sequenceNumber("7")
                        .approximateCreationDateTime(Instant.EPOCH).build())
                .build();

        StreamChange change = RecordConversion.toChange(record);

        assertThat(change).isEqualTo(new StreamChange(StreamChange.Type.REMOVE, KEYS, KEYS, Map.of(), "7",
                Instant.EPOCH, true));
    }

    @Test
    void toChange_insertWrittenByAClient_isNotATtlRemovalAndHasNoOldImage() {
        Record record = Record.builder().eventID("e").eventName("INSERT")
                .dynamodb(StreamRecord.builder().keys(KEYS).newImage(KEYS).sequenceNumber("8")
                        .approximateCreationDateTime(Instant.EPOCH).build())
                .build();

        StreamChange change = RecordConversion.toChange(record);

        assertThat(change.ttlRemoval()).isFalse();
        assertThat(change.oldImage()).isEmpty();
    }

    @Test
    void toChange_withoutCreationTime_isRejectedAndStillNamesItsSequenceNumber() {
        Record record = Record.builder().eventID("e").eventName("MODIFY")
                .dynamodb(StreamRecord.builder().keys(KEYS).sequenceNumber("9").build()).build();

        assertThatThrownBy(() -> RecordConversion.toChange(record))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("creation time");
        assertThat(RecordConversion.sequenceOf(record)).isEqualTo("9");
    }

    @Test
    void lineageOrder_childListedBeforeItsParents_readsAncestorsFirst() {
        Shard grandchild = shard("c", "b");
        Shard child = shard("b", "a");
        Shard root = shard("a", null);
        Shard orphan = shard("x", "trimmed-away");

        assertThat(StreamPoller.lineageOrder(List.of(grandchild, orphan, child, root)))
                .extracting(Shard::shardId).containsExactly("a", "b", "c", "x");
    }

    private static Shard shard(String id, String parent) {
        return Shard.builder().shardId(id).parentShardId(parent)
                .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("1").build()).build();
    }
}
