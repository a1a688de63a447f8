package dev.limiter.cli.demo;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerTest {

    private static final List<String> ALICE = List.of("alice", "search", "acme");
    private static final Map<String, Long> ASKED = Map.of("rpm", 1L, "tpm", 500L);

    private final Ledger ledger = new Ledger(List.of("acme", "search", "alice", "ads"), List.of("rpm", "tpm"));

    @Test
    void netTokens_acquiredPlusAdjustmentsMinusRefunds_chargedAlongTheChain() {
        ledger.granted(ALICE, ASKED);
        ledger.adjusted(ALICE, "tpm", 700);
        ledger.granted(ALICE, ASKED);
        ledger.adjusted(ALICE, "tpm", -300);
        ledger.granted(ALICE, ASKED);
        ledger.rolledBack(ALICE, ASKED);

        for (String entity : ALICE) {
            EntityTally tally = ledger.tallyOf(entity);
            assertThat(tally.granted()).isEqualTo(3);
            assertThat(tally.net("rpm")).isEqualTo(2);
            assertThat(tally.net("tpm")).isEqualTo(1_200 + 200);
        }
        assertThat(ledger.tallyOf("ads").net("tpm")).isZero();
        assertThat(ledger.rolledBack()).isEqualTo(1);
    }

    @Test
    void rejected_countsEachViolatorAndAveragesRetryAfter() {
        ledger.rejected(List.of("acme", "alice"), Duration.ofMillis(100));
        ledger.rejected(List.of("acme"), Duration.ofMillis(300));

        assertThat(ledger.rejected()).isEqualTo(2);
        assertThat(ledger.tallyOf("acme").rejected()).isEqualTo(2);
        assertThat(ledger.tallyOf("acme").meanRetryAfter()).isEqualTo(Duration.ofMillis(200));
        assertThat(ledger.tallyOf("alice").meanRetryAfter()).isEqualTo(Duration.ofMillis(100));
        assertThat(ledger.tallyOf("search").meanRetryAfter()).isZero();
    }

    @Test
    void sawDebt_keepsThePeak() {
        ledger.sawDebt("acme", 300);
        ledger.sawDebt("acme", 100);

        assertThat(ledger.tallyOf("acme").peakDebt()).isEqualTo(300);
    }

    @Test
    void granted_unknownEntity_failsNamingIt() {
        assertThatThrownBy(() -> ledger.granted(List.of("mallory"), ASKED))
                .hasMessageContaining("no entity 'mallory'");
    }
}
