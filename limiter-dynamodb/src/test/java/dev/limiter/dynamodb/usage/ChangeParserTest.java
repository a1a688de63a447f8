package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeParserTest {

    private final FakeStream stream = new FakeStream("ns", Instant.parse("2026-03-01T10:15:00Z"));

    // ---- what counts ----

    @Test
    void parse_acquire_isOneRequestWithItsCharges() {
        Optional<RecordUsage> usage = ChangeParser.parse(0, stream.acquire("u", "r", Map.of("rpm", 1L, "tpm", 500L)));

        assertThat(usage).hasValueSatisfying(u -> {
            assertThat(u.request()).isTrue();
            assertThat(u.deltas()).containsExactlyInAnyOrderEntriesOf(Map.of("rpm", 1L, "tpm", 500L));
        });
    }

    @Test
    void parse_settlementWithRefund_isNoRequestAndANegativeDelta() {
        stream.acquire("u", "r", Map.of("tpm", 500L));

        Optional<RecordUsage> usage = ChangeParser.parse(0, stream.settle("u", "r", Map.of("tpm", -120L)));

        assertThat(usage).hasValueSatisfying(u -> {
            assertThat(u.request()).isFalse();
            assertThat(u.deltas()).containsExactly(Map.entry("tpm", -120L));
        });
    }

    @Test
    void parse_sameTokenAgain_isNoRequest() {
        StreamChange acquire = stream.acquire("u", "r", Map.of("tpm", 5L));
        Map<String, AttributeValue> touched = new HashMap<>(acquire.newImage());
        touched.put(Attributes.TTL, AttributeValue.fromN("1"));

        Optional<RecordUsage> usage = ChangeParser.parse(0,
                stream.change(StreamChange.Type.MODIFY, acquire.newImage(), touched, false));

        assertThat(usage).isEmpty();
    }

    @Test
    void parse_limitDroppedFromBucket_countsOnlyTheRemainingLimits() {
        StreamChange before = stream.acquire("u", "r", Map.of("rpm", 1L, "old", 40L));
        StreamChange next = stream.acquire("u", "r", Map.of("rpm", 1L));
        Map<String, AttributeValue> dropped = new HashMap<>(next.newImage());
        dropped.keySet().removeAll(Set.of(Attributes.consumed("old"), Attributes.tat("old"),
                Attributes.params("old")));

        Optional<RecordUsage> usage = ChangeParser.parse(0,
                stream.change(StreamChange.Type.MODIFY, before.newImage(), dropped, false));

        assertThat(usage).hasValueSatisfying(u -> {
            assertThat(u.request()).isTrue();
            assertThat(u.deltas()).as("issue 9, item 6: a dropped limit is no negative usage")
                    .containsExactly(Map.entry("rpm", 1L));
        });
    }

    // ---- what is ignored ----

    @Test
    void parse_ttlRemovalOfBucket_isIgnored() {
        StreamChange acquire = stream.acquire("u", "r", Map.of("tpm", 5L));

        assertThat(ChangeParser.parse(0, stream.change(StreamChange.Type.REMOVE, acquire.newImage(), Map.of(), true)))
                .isEmpty();
    }

    @Test
    void parse_userRemovalOfBucket_isIgnoredRatherThanANegativeLifetime() {
        StreamChange acquire = stream.acquire("u", "r", Map.of("tpm", 5L));

        assertThat(ChangeParser.parse(0, stream.change(StreamChange.Type.REMOVE, acquire.newImage(), Map.of(), false)))
                .isEmpty();
    }

    @Test
    void parse_entityOrSnapshotItem_isIgnored() {
        Map<String, AttributeValue> entity = Map.of(Attributes.PK, AttributeValue.fromS("ns#E#u"),
                Attributes.SK, AttributeValue.fromS("E"), Attributes.consumed("x"), AttributeValue.fromN("5"));
        Map<String, AttributeValue> snapshot = Map.of(Attributes.PK, AttributeValue.fromS("ns#U#u"),
                Attributes.SK, AttributeValue.fromS("H#2026-03-01T10:00:00Z#r"),
                Attributes.REQUESTS, AttributeValue.fromN("1"));

        assertThat(ChangeParser.parse(0, stream.change(StreamChange.Type.INSERT, Map.of(), entity, false))).isEmpty();
        assertThat(ChangeParser.parse(0, stream.change(StreamChange.Type.INSERT, Map.of(), snapshot, false))).isEmpty();
    }

    // ---- poisoned records ----

    @Test
    void parse_malformedParameters_isRejectedNamingTheLimit() {
        Map<String, AttributeValue> broken = new HashMap<>(stream.acquire("u", "r", Map.of("tpm", 5L)).newImage());
        broken.put(Attributes.params("tpm"), AttributeValue.fromS("ten:per:minute"));

        assertThatThrownBy(() -> ChangeParser.parse(0,
                stream.change(StreamChange.Type.INSERT, Map.of(), broken, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tpm");
    }

    @Test
    void parse_counterNotAnInteger_isRejectedNamingTheCounter() {
        Map<String, AttributeValue> broken = new HashMap<>(stream.acquire("u", "r", Map.of("tpm", 5L)).newImage());
        broken.put(Attributes.consumed("tpm"), AttributeValue.fromN("1.5"));

        assertThatThrownBy(() -> ChangeParser.parse(0,
                stream.change(StreamChange.Type.INSERT, Map.of(), broken, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c_tpm");
    }

    @Test
    void parse_modifyWithoutOldImage_isRejectedNamingTheStreamViewType() {
        Map<String, AttributeValue> image = stream.acquire("u", "r", Map.of("tpm", 5L)).newImage();

        assertThatThrownBy(() -> ChangeParser.parse(0,
                stream.change(StreamChange.Type.MODIFY, Map.of(), image, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NEW_AND_OLD_IMAGES");
    }

    @Test
    void parse_badSequenceNumber_isRejected() {
        StreamChange acquire = stream.acquire("u", "r", Map.of("tpm", 5L));
        StreamChange renumbered = new StreamChange(acquire.type(), acquire.keys(), acquire.oldImage(),
                acquire.newImage(), "seq-1", acquire.approximateCreationTime(), false);

        assertThatThrownBy(() -> ChangeParser.parse(0, renumbered))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence number 'seq-1'");
    }
}
