package dev.limiter.cli.usage;

import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code limiter usage} command lines that are refused before any table is read: exit 64, nothing done. */
class UsageArgumentsTest {

    @Test
    void badSince_namesTheFormsItAccepts() {
        CliRun run = CliRun.of("usage", "acme", "--since", "yesterday");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--since': 'yesterday' is not a time: use an "
                + "instant (2026-11-25T10:00:00Z), a date (2026-11-25, midnight UTC), now, or a duration");
    }

    @Test
    void unknownWindow_namesTheWindows() {
        CliRun run = CliRun.of("usage", "acme", "--window", "weekly");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--window': 'weekly' is not a usage window: use "
                + "hourly or daily");
    }

    @Test
    void sinceNotBeforeUntil_isRefused() {
        CliRun run = CliRun.of("usage", "acme", "--since", "2026-11-25", "--until", "2026-11-24T12:00:00Z");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--since (2026-11-25T00:00:00Z) must be before --until "
                + "(2026-11-24T12:00:00Z)");
    }

    @Test
    void neitherEntityNorResource_saysWhatIsMissing() {
        CliRun run = CliRun.of("usage");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Missing ENTITY or --resource");
    }

    @Test
    void limitWithoutChart_asksForChart() {
        CliRun run = CliRun.of("usage", "acme", "--limit", "tpm");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--limit chooses what --chart draws: add --chart");
    }

    @Test
    void chartWithJson_isRefused() {
        CliRun run = CliRun.of("usage", "acme", "--chart", "-o", "json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--chart draws text: it cannot be combined with --output json");
    }

    @Test
    void validArgumentsWithoutATable_askForTheTable() {
        CliRun run = CliRun.of("usage", "acme", "--since", "7d", "--window", "DAILY");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Missing the DynamoDB table: pass --table TABLE or set LIMITER_TABLE");
    }
}
