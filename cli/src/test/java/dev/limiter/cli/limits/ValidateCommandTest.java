package dev.limiter.cli.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code limits validate}: offline, every problem with its position, warnings fail only with --strict. */
class ValidateCommandTest {

    private static final String WARNINGS = """
            namespace: ns
            entities:
              org:
                limits:
                  rpm: {rate: 100, per: minute}
              team:
                parent: org
                cascade: true
                limits:
                  rpm: {rate: 500, per: minute}
                  tpm: {rate: 1000, per: minute, burst: 10}
            """;

    @TempDir
    Path dir;

    @Test
    void validate_cleanFile_summarisesIt_exitsOk() {
        CliRun run = validate(LimitsFiles.standard("ns", 100));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).endsWith("limits.yaml: valid (0 errors, 0 warnings): namespace 'ns', 2 entities, "
                + "1 limit configuration, on_unavailable set" + System.lineSeparator());
    }

    @Test
    void validate_unsatisfiableLimits_warnsWithPositions_exitsOk() {
        CliRun run = validate(WARNINGS);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("limits.yaml:11:7: warning: limit 'tpm' of entity team defaults has a burst "
                        + "of 10 below its rate of 1000 per 1m: requests above 10 can never be granted",
                "limits.yaml:10:7: warning: limit 'rpm' of entity 'team' (capacity 500) is above its parent 'org' "
                        + "(capacity 100)", "valid (0 errors, 2 warnings)");
    }

    @Test
    void validate_warningsWithStrict_exitsWithError() {
        CliRun run = validate(WARNINGS, "--strict");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).contains("2 warnings");
    }

    @Test
    void validate_manyErrors_listsEveryOneInFileOrder() {
        CliRun run = validate("namespace: ns\nbogus: 1\nentities:\n  a: {parent: a, cascde: true}\n"
                + "  b:\n    limits:\n      rpm: {rate: 0, per: fortnight}\n  b: {}\n");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).contains("limits.yaml:2:1: error: unknown field 'bogus' in the limits file",
                "limits.yaml:4:15: error: entity 'a' cannot be its own parent",
                "limits.yaml:4:18: error: unknown field 'cascde' in entity 'a'; did you mean 'cascade'?",
                "limits.yaml:7:19: error: 'rate' of limit 'rpm' is '0': must be a whole number between 1 and",
                "limits.yaml:7:27: error: 'per' of limit 'rpm' is 'fortnight'",
                "limits.yaml:8:3: error: duplicate key 'b' in entities (first at line 5)",
                "invalid (6 errors, 0 warnings)");
    }

    @Test
    void validate_tooDeep_isAnError() {
        StringBuilder text = new StringBuilder("namespace: ns\nentities:\n  e0: {}\n");
        for (int i = 1; i <= 8; i++) {
            text.append("  e").append(i).append(": {parent: e").append(i - 1).append("}\n");
        }

        CliRun run = validate(text.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).contains("error: entity 'e8' is at depth 9: hierarchies are limited to 8 levels");
    }

    @Test
    void validate_json_isOneDocumentWithEveryProblem() throws Exception {
        CliRun run = validate(WARNINGS, "--output", "json");

        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.path("valid").asBoolean()).isTrue();
        assertThat(document.path("problems")).hasSize(2);
        assertThat(document.path("problems").get(0).path("severity").asText()).isEqualTo("warning");
        assertThat(document.path("problems").get(0).path("line").asInt()).isPositive();
    }

    @Test
    void validate_needsNoTableOrEndpoint() {
        CliRun run = validate(LimitsFiles.standard("ns", 100));

        assertThat(run.err()).isEmpty();
    }

    private CliRun validate(String text, String... options) {
        Path file = LimitsFiles.write(dir, "limits.yaml", text);
        String[] args = new String[3 + options.length + 1];
        args[0] = "limits";
        args[1] = "validate";
        args[2] = "-f";
        args[3] = file.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return CliRun.of(args);
    }
}
