package dev.limiter.cli.demo;

import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @Test
    void help_showsOptionsAndAnExample() {
        CliRun run = CliRun.of("demo", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Usage: limiter demo", "--duration=TIME", "--workers=N", "--seed=SEED",
                "--users=N", "-v, --verbose", "--no-color", "Examples:", "limiter demo --duration 30s");
    }

    @Test
    void demo_twoSecondsSeeded_printsTableAndPassingAssertion_exitsOk() {
        CliRun run = CliRun.of("demo", "--duration", "2s", "--seed", "42", "--workers", "8");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("8 workers for 2s", "seed 42")
                .containsPattern("(?m)^entity\\s+granted\\s+rejected\\s+tokens\\s+debt now\\s+peak debt"
                        + "\\s+mean retry-after$")
                .containsPattern("(?m)^acme\\s+[0-9,]+\\s+[0-9,]+")
                .containsPattern("(?m)^    alice\\s+[0-9,]+")
                .contains("PASS  no limit exceeded: all 22 bounds hold")
                .doesNotContain("\r", "\u001b[");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void demo_zeroDuration_isAUsageError() {
        CliRun run = CliRun.of("demo", "--duration", "0s");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--duration'");
    }

    @Test
    void demo_tooManyUsers_isAUsageError() {
        CliRun run = CliRun.of("demo", "--users", "99");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("users per team must be between 1 and 12, got 99");
    }
}
