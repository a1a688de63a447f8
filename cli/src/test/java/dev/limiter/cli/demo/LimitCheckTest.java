package dev.limiter.cli.demo;

import dev.limiter.Limit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LimitCheckTest {

    /** 600 tokens per minute = 10 per second, capacity 100. */
    private static final Limit TPM = Limit.of("tpm", 100, 600, Duration.ofMinutes(1));

    @Test
    void holds_consumedExactlyAtTheBound_holds() {
        // capacity 100 - available 0 + 10/s * 5 s = 150
        LimitCheck check = new LimitCheck("alice", TPM, 150, 0, Duration.ofSeconds(5));

        assertThat(check.holds()).isTrue();
        assertThat(check.allowedTokens()).isCloseTo(150.0, within(1e-9));
        assertThat(check.utilisation()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void holds_oneTokenOverTheBound_fails() {
        LimitCheck check = new LimitCheck("alice", TPM, 151, 0, Duration.ofSeconds(5));

        assertThat(check.holds()).isFalse();
    }

    @Test
    void holds_tokensLeftInTheBucket_lowerTheBound() {
        // 100 - 40 + 50 = 110: the 40 tokens still available were not consumed
        LimitCheck check = new LimitCheck("alice", TPM, 111, 40, Duration.ofSeconds(5));

        assertThat(check.holds()).isFalse();
        assertThat(check.allowedTokens()).isCloseTo(110.0, within(1e-9));
    }

    @Test
    void holds_debtAtTheEnd_raisesTheBoundByTheDebt() {
        // 100 - (-30) + 50 = 180: the bucket owes 30 tokens, so 180 went through
        LimitCheck check = new LimitCheck("alice", TPM, 180, -30, Duration.ofSeconds(5));

        assertThat(check.holds()).isTrue();
        assertThat(new LimitCheck("alice", TPM, 181, -30, Duration.ofSeconds(5)).holds()).isFalse();
    }

    @Test
    void holds_hugeValues_computesExactlyWithoutOverflow() {
        Limit huge = Limit.of("tps", Limit.MAX_TOKENS, Limit.MAX_TOKENS, Duration.ofDays(366));
        LimitCheck check = new LimitCheck("acme", huge, Limit.MAX_TOKENS, 0, Duration.ZERO);

        assertThat(check.holds()).isTrue();
    }

    @Test
    void report_withOneBrokenBound_doesNotHoldAndListsIt() {
        LimitCheck fine = new LimitCheck("alice", TPM, 100, 0, Duration.ofSeconds(5));
        LimitCheck broken = new LimitCheck("acme", TPM, 1_000, 0, Duration.ofSeconds(5));
        Progress totals = new Progress(10, 0, 0, 0, Duration.ofSeconds(5), Duration.ofSeconds(5));

        DemoReport report = new DemoReport(totals, List.of(), List.of(fine, broken),
                Duration.ofSeconds(5));

        assertThat(report.holds()).isFalse();
        assertThat(report.failures()).containsExactly(broken);
        assertThat(report.tightest()).contains(broken);
    }
}
