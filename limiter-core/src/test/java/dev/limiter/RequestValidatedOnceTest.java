package dev.limiter;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests built per call validate each value once (issue 11): copies made by {@code consume} and
 * {@code withLimits} skip checks their inputs already passed. These tests pin that skipping never lets invalid
 * input through and that the compact amounts and limits behave as the maps and lists they stand for.
 */
class RequestValidatedOnceTest {

    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 1_000);

    @Test
    void constructor_amountsOfAnotherRequest_stillValidatesItsOwnEntityAndResource() {
        AcquireRequest valid = AcquireRequest.of("u1", "api").consume("rpm", 1);

        assertThatThrownBy(() -> new AcquireRequest("bad id!", "api", valid.amounts(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity 'bad id!' is invalid");
        assertThatThrownBy(() -> new AcquireRequest("u1", "bad resource!", valid.amounts(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resource 'bad resource!'");
        assertThatThrownBy(() -> new AcquireRequest(null, "api", valid.amounts(), List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("entity");
    }

    @Test
    void constructor_equalButDistinctStrings_validatesAndAccepts() {
        AcquireRequest valid = AcquireRequest.of("u1", "api").consume("rpm", 1);

        AcquireRequest copy = new AcquireRequest(new String("u1"), new String("api"), valid.amounts(), List.of());

        assertThat(copy).isEqualTo(valid);
    }

    @Test
    void consume_chain_isAnInsertionOrderedMapThatSumsRepeatedNames() {
        AcquireRequest request = AcquireRequest.of("u1", "api").consume("tpm", 500).consume("rpm", 1)
                .consume("tpm", 20).consume("big", Limit.MAX_TOKENS).consume("big", Limit.MAX_TOKENS);

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("tpm", 520L);
        expected.put("rpm", 1L);
        expected.put("big", 2 * Limit.MAX_TOKENS); // summed, as before; the planner rejects it against any capacity
        assertThat(request.amounts()).containsExactlyEntriesOf(expected).isEqualTo(expected);
        assertThat(request.amounts().get("rpm")).isEqualTo(1L);
        assertThat(request.amounts().get("none")).isNull();
        assertThat(request.amounts().containsKey("big")).isTrue();
        assertThat(request.amounts().hashCode()).isEqualTo(expected.hashCode());
    }

    @Test
    void constructor_plainMap_keepsItsOrderAndValidatesEachAmount() {
        Map<String, Long> amounts = new LinkedHashMap<>();
        amounts.put("tpm", 5L);
        amounts.put("rpm", 1L);

        AcquireRequest request = AcquireRequest.of("u1", "api", amounts);

        assertThat(request.amounts()).containsExactlyEntriesOf(amounts);
        assertThat(((Amounts) request.amounts()).sameAs(
                (Amounts) AcquireRequest.of("u1", "api").consume("tpm", 5).consume("rpm", 1).amounts())).isTrue();
        amounts.put("rpm", 0L);
        assertThatThrownBy(() -> AcquireRequest.of("u1", "api", amounts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount of 'rpm' is 0");
    }

    @Test
    void consume_moreNamesThanOneBucketHolds_isRejectedNamingTheCap() {
        AcquireRequest request = AcquireRequest.of("u1", "api");
        for (int i = 0; i < Limit.MAX_PER_BUCKET; i++) {
            request = request.consume("l" + i, 1);
        }
        AcquireRequest full = request;

        assertThatThrownBy(() -> full.consume("one-more", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request amounts name " + (Limit.MAX_PER_BUCKET + 1) + " limits");
    }

    @Test
    void limits_areAnImmutableListEqualToTheirElements() {
        AcquireRequest request = AcquireRequest.of("u1", "api").consume("rpm", 1).withLimits(RPM, TPM);

        assertThat(request.limits()).isEqualTo(List.of(RPM, TPM)).hasSameHashCodeAs(List.of(RPM, TPM));
        assertThat(List.of(RPM, TPM)).isEqualTo(request.limits());
        assertThatThrownBy(() -> request.limits().add(RPM)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.limits().get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void withLimits_arrayChangedAfterwards_doesNotChangeTheRequest() {
        Limit[] given = {RPM, TPM};
        AcquireRequest request = AcquireRequest.of("u1", "api").withLimits(given);
        Limit[] three = {RPM, TPM, Limit.perMinute("other", 1)};
        AcquireRequest more = AcquireRequest.of("u1", "api").withLimits(three);

        given[0] = Limit.perMinute("changed", 1);
        three[2] = Limit.perMinute("changed", 1);

        assertThat(request.limits()).containsExactly(RPM, TPM);
        assertThat(more.limits()).extracting(Limit::name).containsExactly("rpm", "tpm", "other");
    }

    @Test
    void constructor_limitsWithNullOrDuplicatesOrTooMany_areRejectedNamingTheProblem() {
        assertThatThrownBy(() -> new AcquireRequest("u1", "api", Map.of("rpm", 1L), Arrays.asList(RPM, null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("limits[1]");
        assertThatThrownBy(() -> new AcquireRequest("u1", "api", Map.of("rpm", 1L), List.of(RPM, RPM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rpm' is given twice");
        List<Limit> tooMany = new ArrayList<>();
        for (int i = 0; i <= Limit.MAX_PER_BUCKET; i++) {
            tooMany.add(Limit.perMinute("l" + i, 1));
        }
        assertThatThrownBy(() -> new AcquireRequest("u1", "api", Map.of("rpm", 1L), tooMany))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request limits name 33 limits");
        assertThatThrownBy(() -> AcquireRequest.of("u1", "api").withLimits(tooMany.toArray(Limit[]::new)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request limits name 33 limits");
    }
}
