package dev.limiter.lease;

import dev.limiter.Limit;
import dev.limiter.backend.BucketAdjustment;
import dev.limiter.backend.BucketKey;
import dev.limiter.backend.LimitAdjustment;
import dev.limiter.testkit.SeededRandom;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LeaseLedgerTest {

    private static final BucketKey OWN = new BucketKey("ns", "user-1", "llm");
    private static final BucketKey PARENT = new BucketKey("ns", "team-1", "llm");
    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 7_000);
    private static final Limit SEVEN_PER_MINUTE = Limit.perMinute("tpm", 7);

    // ---- telescoping ----

    @Test
    void rollback_afterAnyRandomSequenceOfCommittedAdjustments_refundsExactlyTheBucketTimeCharged() {
        SeededRandom.run("LeaseLedgerTest#rollback_afterAnyRandomSequenceOfCommittedAdjustments_refundsExactlyTheBucketTimeCharged",
                random -> {
                    for (int sequence = 0; sequence < 500; sequence++) {
                        runRandomSequence(random);
                    }
                });
    }

    private static void runRandomSequence(SplittableRandom random) {
        Limit own = Limit.of("tpm", 1 + random.nextLong(10_000), 1 + random.nextLong(1_000),
                Duration.ofNanos(1_000 + random.nextLong(10_000_000)));
        Limit parent = own.withBurst(own.capacity() * 2);
        long opening = 1 + random.nextLong(own.capacity());
        LeaseLedger ledger = new LeaseLedger(List.of(
                new LeaseLedger.Opening(OWN, List.of(own, RPM), Map.of("tpm", opening, "rpm", 1L)),
                new LeaseLedger.Opening(PARENT, List.of(parent), Map.of("tpm", opening))));
        // Bucket time each (bucket, limit) holds because of this lease, as the backend would see it.
        Map<String, Long> held = new HashMap<>(Map.of("OWN tpm", own.costNanos(opening),
                "OWN rpm", RPM.costNanos(1), "PARENT tpm", parent.costNanos(opening)));
        for (int step = 0; step < 30; step++) {
            String name = random.nextInt(4) == 0 ? "rpm" : "tpm";
            long net = ledger.charged().get(name);
            ledger.adjust(name, random.nextLong(-2 * net - 5, 2 * net + 5));
            if (random.nextBoolean()) {
                apply(ledger.pendingAdjustments(), held);
                ledger.applyPending();
            }
        }
        apply(ledger.rollbackAdjustments(), held);
        ledger.applyRollback();
        assertThat(held).as("bucket time left after rollback").allSatisfy((key, nanos) -> assertThat(nanos).isZero());
        assertThat(ledger.charged()).allSatisfy((name, net) -> assertThat(net).isZero());
    }

    private static void apply(List<BucketAdjustment> writes, Map<String, Long> held) {
        for (BucketAdjustment write : writes) {
            String bucket = write.key().equals(OWN) ? "OWN " : "PARENT ";
            for (LimitAdjustment change : write.adjustments()) {
                long signed = change.tokens() > 0 ? change.costNanos() : -change.costNanos();
                long after = held.merge(bucket + change.limit().name(), signed, Long::sum);
                assertThat(after).as("bucket time held by %s%s", bucket, change.limit().name()).isNotNegative();
            }
        }
    }

    @Test
    void pendingAdjustments_nonWholeCosts_writeTheCostDifferenceNotTheCostOfTheDelta() {
        LeaseLedger ledger = ownOnly(SEVEN_PER_MINUTE, 1);

        ledger.adjust("tpm", 1);

        // cost(2) - cost(1) = 17,142,857,143 - 8,571,428,572, one nanosecond less than cost(1).
        assertThat(ledger.pendingAdjustments()).singleElement().satisfies(write -> assertThat(write.adjustments())
                .containsExactly(new LimitAdjustment(SEVEN_PER_MINUTE, 1, 8_571_428_571L)));
    }

    // ---- refunds ----

    @Test
    void pendingAdjustments_refundBeyondNetCharged_isCappedAtNetCharged() {
        LeaseLedger ledger = ownOnly(TPM, 500);

        ledger.adjust("tpm", -800);

        assertThat(ledger.pendingAdjustments()).singleElement().satisfies(write -> assertThat(write.adjustments())
                .containsExactly(new LimitAdjustment(TPM, -500, TPM.costNanos(500))));
    }

    @Test
    void applyPending_refundBeyondNetCharged_leavesNetAtZero() {
        LeaseLedger ledger = ownOnly(TPM, 500);
        ledger.adjust("tpm", -800);

        ledger.applyPending();

        assertThat(ledger.charged()).containsExactly(Map.entry("tpm", 0L));
    }

    @Test
    void pendingAdjustments_refundOfLimitNeverCharged_writesNothing() {
        LeaseLedger ledger = new LeaseLedger(List.of(new LeaseLedger.Opening(OWN, List.of(RPM, TPM), Map.of("rpm", 1L))));

        ledger.adjust("tpm", -50);

        assertThat(ledger.pendingAdjustments()).isEmpty();
    }

    // ---- commits that change nothing ----

    @Test
    void pendingAdjustments_nothingAdjusted_writesNothing() {
        LeaseLedger ledger = ownOnly(TPM, 500);

        assertThat(ledger.pendingAdjustments()).isEmpty();
    }

    @Test
    void pendingAdjustments_adjustmentsCancellingOut_writeNothing() {
        LeaseLedger ledger = ownOnly(TPM, 500);
        ledger.adjust("tpm", 300);
        ledger.adjust("tpm", -200);

        ledger.adjust("tpm", -100);

        assertThat(ledger.pendingAdjustments()).isEmpty();
    }

    @Test
    void rollbackAdjustments_afterRollback_writeNothing() {
        LeaseLedger ledger = ownOnly(TPM, 500);
        ledger.applyRollback();

        assertThat(ledger.rollbackAdjustments()).isEmpty();
    }

    @Test
    void pendingAdjustments_writeNotApplied_leavesLedgerAsItWas() {
        LeaseLedger ledger = ownOnly(TPM, 500);
        ledger.adjust("tpm", 250);
        List<BucketAdjustment> first = ledger.pendingAdjustments();

        List<BucketAdjustment> retry = ledger.pendingAdjustments();

        assertThat(retry).isEqualTo(first);
        assertThat(ledger.charged()).containsExactly(Map.entry("tpm", 500L));
    }

    // ---- unknown limits and bounds ----

    @Test
    void adjust_unknownLimit_throwsListingTheLimitsOfEveryBucket() {
        LeaseLedger ledger = twoBuckets();

        assertThatThrownBy(() -> ledger.adjust("rph", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lease has no limit called 'rph': its limits are [rpd, rpm, tpm]");
    }

    @Test
    void adjust_beyondMaxTokens_throwsNamingTheLimit() {
        LeaseLedger ledger = ownOnly(TPM, 500);

        assertThatThrownBy(() -> ledger.adjust("tpm", -Limit.MAX_TOKENS - 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adjustment of 'tpm' is -1000000000000001");
    }

    @Test
    void new_noBuckets_isRejected() {
        assertThatThrownBy(() -> new LeaseLedger(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a lease has at least one bucket");
    }

    @Test
    void new_chargeOfLimitNotInItsBucket_isRejectedNamingBoth() {
        List<LeaseLedger.Opening> openings = List.of(new LeaseLedger.Opening(OWN, List.of(RPM), Map.of("tpm", 5L)));

        assertThatThrownBy(() -> new LeaseLedger(openings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("charged limit 'tpm' is not among the limits of bucket ns/user-1/llm");
    }

    // ---- several buckets ----

    @Test
    void pendingAdjustments_limitOfOwnBucketOnly_writesOnlyThatBucket() {
        LeaseLedger ledger = twoBuckets();

        ledger.adjust("rpm", 2);

        assertThat(ledger.pendingAdjustments()).extracting(BucketAdjustment::key).containsExactly(OWN);
    }

    @Test
    void pendingAdjustments_limitsSpreadOverBuckets_writeOneAdjustmentPerChangedBucket() {
        LeaseLedger ledger = twoBuckets();
        ledger.adjust("rpm", 2);
        ledger.adjust("tpm", 100);

        List<BucketAdjustment> writes = ledger.pendingAdjustments();

        assertThat(writes).extracting(BucketAdjustment::key).containsExactly(OWN, PARENT);
        assertThat(writes.get(0).adjustments()).extracting(a -> a.limit().name(), LimitAdjustment::tokens)
                .containsExactly(tuple("rpm", 2L), tuple("tpm", 100L));
        assertThat(writes.get(1).adjustments()).extracting(a -> a.limit().name(), LimitAdjustment::tokens)
                .containsExactly(tuple("tpm", 100L));
    }

    @Test
    void rollbackAdjustments_twoBuckets_refundEveryChargedLimitOfEach() {
        LeaseLedger ledger = twoBuckets();

        List<BucketAdjustment> writes = ledger.rollbackAdjustments();

        assertThat(writes).extracting(BucketAdjustment::key).containsExactly(OWN, PARENT);
        assertThat(writes.get(0).adjustments()).containsExactly(new LimitAdjustment(RPM, -1, RPM.costNanos(1)),
                new LimitAdjustment(TPM, -500, TPM.costNanos(500)));
        assertThat(writes.get(1).adjustments()).containsExactly(new LimitAdjustment(TPM, -500, TPM.costNanos(500)));
    }

    @Test
    void charged_twoBuckets_reportsTheOwnBucketOnly() {
        LeaseLedger ledger = twoBuckets();
        ledger.adjust("rpd", 3);

        ledger.applyPending();

        assertThat(ledger.charged()).containsExactly(Map.entry("rpm", 1L), Map.entry("tpm", 500L));
    }

    private static LeaseLedger ownOnly(Limit limit, long charged) {
        return new LeaseLedger(List.of(new LeaseLedger.Opening(OWN, List.of(limit), Map.of(limit.name(), charged))));
    }

    /** The own bucket charged 1 rpm and 500 tpm; the parent charged 500 tpm and also has a daily limit. */
    private static LeaseLedger twoBuckets() {
        Map<String, Long> ownCharges = new LinkedHashMap<>();
        ownCharges.put("rpm", 1L);
        ownCharges.put("tpm", 500L);
        return new LeaseLedger(List.of(
                new LeaseLedger.Opening(OWN, List.of(RPM, TPM), ownCharges),
                new LeaseLedger.Opening(PARENT, List.of(TPM, Limit.perDay("rpd", 100)), Map.of("tpm", 500L))));
    }
}
