package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Argument checks and parsing of {@link StrictControl}, which need no running engine. */
class StrictControlTest {

    /** Nothing listens on the discard port of the loopback interface in the test environment. */
    private static final StrictControl NOWHERE = StrictControl.of(URI.create("http://127.0.0.1:9"));

    @Test
    void throttleWrites_negativeRate_failsNamingTheParameter() {
        assertThatThrownBy(() -> NOWHERE.throttleWrites("some-table", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unitsPerSecond must be a finite number >= 0, was -1.0");
    }

    @Test
    void holdTransactions_invalidTableName_failsNamingTheRule() {
        assertThatThrownBy(() -> NOWHERE.holdTransactions("a b", Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table must be a DynamoDB table name ([A-Za-z0-9_.-]{3,255}) or \"*\"");
    }

    @Test
    void holdTransactions_negativeDuration_failsNamingTheParameter() {
        assertThatThrownBy(() -> NOWHERE.holdTransactions("*", Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hold must be zero or more");
    }

    @Test
    void failAfterApply_zeroCount_failsNamingTheParameter() {
        assertThatThrownBy(() -> NOWHERE.failAfterApply("*", "UpdateItem", 0, AmbiguousFailure.DROP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be at least 1, was 0");
    }

    @Test
    void failAfterApply_lowerCaseOperation_failsNamingTheParameter() {
        assertThatThrownBy(() -> NOWHERE.failAfterApply("*", "updateItem", 1, AmbiguousFailure.DROP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("operation must be a DynamoDB operation name");
    }

    @Test
    void stats_nothingListening_failsSayingHowToStartTheEngine() {
        assertThatThrownBy(NOWHERE::stats)
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageContaining("cannot reach the strict engine at http://127.0.0.1:9")
                .hasMessageContaining("limiter.test.engine=strict");
    }

    @Test
    void parse_statsOfTwoTables_keepsEachAndSumsTheTotal() {
        StrictStats stats = StrictStats.parse("{\"tables\": "
                + "{\"*\": {\"conflicts\": 0, \"throttles\": 1, \"holding\": 0},"
                + " \"t-1\": {\"conflicts\": 2, \"throttles\": 3, \"writeUnits\": 7, \"holding\": 1}},"
                + " \"total\": {\"conflicts\": 2, \"throttles\": 4}}");

        assertThat(stats.tables()).containsOnlyKeys("*", "t-1");
        assertThat(stats.table("t-1").writeUnits()).isEqualTo(7);
        assertThat(stats.total().throttles()).isEqualTo(4);
        assertThat(stats.table("absent")).isEqualTo(StrictCounters.ZERO);
    }
}
