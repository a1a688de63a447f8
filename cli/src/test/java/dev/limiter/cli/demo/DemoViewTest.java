package dev.limiter.cli.demo;

import dev.limiter.Limit;
import dev.limiter.cli.output.Terminal;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoViewTest {

    private static final Limit TPM = Limit.of("tpm", 100, 600, Duration.ofMinutes(1));
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private final StringWriter out = new StringWriter();
    private final DemoView view = new DemoView(Terminal.of(new PrintWriter(out, true), new PrintWriter(out, true),
            false, false), false);

    @Test
    void report_brokenBound_printsFailWithTheEntityAndBothNumbers() {
        view.report(report(new LimitCheck("acme", TPM, 1_000, 0, FIVE_SECONDS)));

        assertThat(out.toString())
                .contains("FAIL  limit exceeded: 1 of 1 bounds broken")
                .contains("acme tpm: 1,000 tokens charged > 150.0 allowed")
                .doesNotContain("PASS");
    }

    @Test
    void report_boundsHold_printsPassAndTheClosestBound() {
        view.report(report(new LimitCheck("acme", TPM, 120, 0, FIVE_SECONDS)));

        assertThat(out.toString())
                .contains("PASS  no limit exceeded: all 1 bounds hold")
                .contains("closest to its bound: acme tpm, 120 of 150.0 tokens allowed (80.0%)");
    }

    private static DemoReport report(LimitCheck check) {
        EntityRow row = new EntityRow("acme", 0, 3, 1, check.consumedTokens(), 0, 0, Duration.ofMillis(250));
        return new DemoReport(new Progress(3, 1, 0, 0, FIVE_SECONDS, FIVE_SECONDS), List.of(row), List.of(check),
                FIVE_SECONDS);
    }
}
