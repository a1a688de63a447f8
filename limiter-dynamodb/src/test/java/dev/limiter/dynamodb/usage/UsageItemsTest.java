package dev.limiter.dynamodb.usage;

import dev.limiter.dynamodb.schema.Attributes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageItemsTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-03-01T00:00:00Z");

    // ---- keys ----

    @Test
    void sk_dailyAndMidnightHourlyWindow_differ() {
        Instant hourly = UsageWindow.HOURLY.startOf(MIDNIGHT.plusSeconds(59));
        Instant daily = UsageWindow.DAILY.startOf(MIDNIGHT.plusSeconds(59));

        assertThat(hourly).isEqualTo(daily);
        assertThat(UsageItems.sk(UsageWindow.HOURLY, hourly, "gpt-4"))
                .isEqualTo("H#2026-03-01T00:00:00Z#gpt-4")
                .isNotEqualTo(UsageItems.sk(UsageWindow.DAILY, daily, "gpt-4"));
    }

    @Test
    void indexKeys_resourceAndWindowType_namePartitionAndSortByStart() {
        assertThat(UsageItems.indexPk("prod", "gpt-4", UsageWindow.DAILY)).isEqualTo("prod#UR#gpt-4#D");
        assertThat(UsageItems.indexSk(MIDNIGHT, "user-1")).isEqualTo("2026-03-01T00:00:00Z#user-1");
    }

    @Test
    void iso_fractionalSecond_roundsUpSoBoundsCompareLikeTimes() {
        assertThat(UsageItems.iso(MIDNIGHT.plusMillis(1))).isEqualTo("2026-03-01T00:00:01Z");
        assertThat(UsageItems.iso(Instant.MAX)).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(UsageItems.iso(Instant.MIN)).isEqualTo("1970-01-01T00:00:00Z");
    }

    // ---- watermarks ----

    @Test
    void watermark_sequenceNumbersOfDifferentLength_sortAsNumbers() {
        String shorter = UsageItems.watermark(new BigInteger("999"));
        String longer = UsageItems.watermark(new BigInteger("1000000000000000000000000000000000000000"));

        assertThat(shorter).hasSize(40).startsWith("0000").endsWith("999");
        assertThat(longer).hasSize(40);
        assertThat(shorter.compareTo(longer)).isNegative();
    }

    @Test
    void parseSequence_fortyOneDigitsOrNonDigits_isRejected() {
        assertThatThrownBy(() -> UsageItems.parseSequence("1".repeat(41)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 40 decimal digits");
        assertThatThrownBy(() -> UsageItems.parseSequence("12a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'12a'");
        assertThatThrownBy(() -> UsageItems.parseSequence(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- codec ----

    @Test
    void decode_storedItem_readsKeysCountersAndWindow() {
        Map<String, AttributeValue> item = Map.of(
                Attributes.PK, AttributeValue.fromS("prod#U#user-1"),
                Attributes.SK, AttributeValue.fromS("D#2026-03-01T00:00:00Z#models/gpt-4"),
                Attributes.REQUESTS, AttributeValue.fromN("3"),
                Attributes.amount("tpm"), AttributeValue.fromN("1930"),
                Attributes.amount("rpm"), AttributeValue.fromN("-1"),
                Attributes.WATERMARK, AttributeValue.fromS(UsageItems.watermark(BigInteger.TEN)));

        UsageSnapshot snapshot = UsageItems.decode(item);

        assertThat(snapshot).isEqualTo(new UsageSnapshot("prod", "user-1", "models/gpt-4", UsageWindow.DAILY,
                MIDNIGHT, MIDNIGHT.plusSeconds(86_400), 3, Map.of("tpm", 1930L, "rpm", -1L)));
    }

    @Test
    void decode_notAUsageItem_isRejected() {
        Map<String, AttributeValue> bucket = Map.of(Attributes.PK, AttributeValue.fromS("prod#B#user-1#gpt-4"),
                Attributes.SK, AttributeValue.fromS("B"));

        assertThatThrownBy(() -> UsageItems.decode(bucket))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a usage snapshot");
    }

    @Test
    void ofCode_unknownCode_namesTheRule() {
        assertThatThrownBy(() -> UsageWindow.ofCode("W"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be H or D");
    }
}
