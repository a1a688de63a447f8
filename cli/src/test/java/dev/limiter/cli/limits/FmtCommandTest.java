package dev.limiter.cli.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: {@code limits fmt} rewrites files canonically; {@code --check} lists those that are not, for CI. */
class FmtCommandTest {

    private static final String MESSY = """
            entities:
              acme-search: {parent: acme, cascade: true}
              acme: {display_name: "Acme"}
            defaults:
              limits:
                tpm: {capacity: 20000, refill_amount: 20000, refill_period: PT1M, local: {max_hold: 1000ms}}
                rpm:   {rate: "60", per: 60s}
              on_unavailable: block
            namespace: "acme-llm"
            """;

    private static final String CANONICAL = """
            namespace: acme-llm
            defaults:
              on_unavailable: block
              limits:
                rpm: {rate: 60, per: minute}
                tpm: {rate: 20000, per: minute, local: {max_share: 0.1, max_hold: 1s}}
            entities:
              acme:
                display_name: Acme
              acme-search:
                parent: acme
                cascade: true
            """;

    @TempDir
    Path dir;

    @Test
    void fmt_messyFile_rewritesItCanonically_andNamesIt() throws IOException {
        Path file = LimitsFiles.write(dir, "limits.yaml", MESSY);

        CliRun run = CliRun.of("limits", "fmt", file.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo(file + System.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo(CANONICAL);
    }

    @Test
    void fmtCheck_oneFileNotCanonical_listsOnlyIt_writesNothing_exitsChanges() throws IOException {
        Path messy = LimitsFiles.write(dir, "messy.yaml", MESSY);
        Path clean = LimitsFiles.write(dir, "clean.yaml", CANONICAL);

        CliRun run = CliRun.of("limits", "fmt", "--check", messy.toString(), clean.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.CHANGES);
        assertThat(run.out()).isEqualTo(messy + System.lineSeparator());
        assertThat(Files.readString(messy)).isEqualTo(MESSY);
    }

    @Test
    void fmtCheck_canonicalFile_exitsOk() {
        Path clean = LimitsFiles.write(dir, "clean.yaml", CANONICAL);

        CliRun run = CliRun.of("limits", "fmt", "--check", clean.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void fmt_stdin_writesTheCanonicalFormToStdout() {
        CliRun run = CliRun.with(Map.of(), MESSY, "limits", "fmt", "-");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).isEqualTo(CANONICAL);
    }

    @Test
    void fmt_invalidFile_reportsItsProblems_leavesItUnchanged_exitsError() throws IOException {
        String invalid = "namespace: ns\ndefaults:\n  limits:\n    rpm: {rate: 60, per: minute, local: {max_share: 2}}\n";
        Path file = LimitsFiles.write(dir, "bad.yaml", invalid);

        CliRun run = CliRun.of("limits", "fmt", file.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains(file + ":4:53: error: 'max_share' of 'local' of limit 'rpm' is '2'");
        assertThat(Files.readString(file)).isEqualTo(invalid);
    }

    @Test
    void fmt_fileWithComments_refusesNamingEachComment() throws IOException {
        String commented = "# owned by the platform team\n" + CANONICAL.replace("block", "block   # fail closed");
        Path file = LimitsFiles.write(dir, "commented.yaml", commented);

        CliRun run = CliRun.of("limits", "fmt", file.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains(file + ":1:1: error: comment '# owned by the platform team': fmt rewrites",
                file + ":4:27: error: comment '# fail closed'");
        assertThat(Files.readString(file)).isEqualTo(commented);
    }

    @Test
    void fmtCheck_json_reportsEachFile() throws Exception {
        Path messy = LimitsFiles.write(dir, "messy.yaml", MESSY);

        CliRun run = CliRun.of("limits", "fmt", "--check", messy.toString(), "-o", "json");

        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.path("check").asBoolean()).isTrue();
        assertThat(document.path("files").get(0).path("changed").asBoolean()).isTrue();
        assertThat(document.path("files").get(0).path("written").asBoolean()).isFalse();
    }
}
