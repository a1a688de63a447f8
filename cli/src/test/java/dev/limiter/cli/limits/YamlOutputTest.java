package dev.limiter.cli.limits;

import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: {@code -o yaml} prints the JSON document as YAML, with the same typed values. */
class YamlOutputTest {

    @TempDir
    Path dir;

    @Test
    void validateYaml_problems_areTheJsonDocumentWithNumbersAsNumbers() {
        Path file = LimitsFiles.write(dir, "limits.yaml",
                "namespace: ns\ndefaults:\n  limits:\n    rpm: {rate: 60, per: minute, burst: 10}\n");

        CliRun run = CliRun.of("limits", "validate", "-f", file.toString(), "-o", "yaml");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        Map<?, ?> document = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(run.out());
        assertThat(document.get("valid")).isEqualTo(true);
        Map<?, ?> problem = (Map<?, ?>) ((List<?>) document.get("problems")).get(0);
        assertThat(problem.get("line")).isEqualTo(4);
        assertThat(problem.get("column")).isEqualTo(5);
        assertThat(problem.get("severity")).isEqualTo("warning");
    }

    @Test
    void yamlOutput_isBlockStyle_notJson() {
        Path file = LimitsFiles.write(dir, "limits.yaml", LimitsFiles.standard("ns", 100));

        CliRun run = CliRun.of("limits", "validate", "-f", file.toString(), "--output", "yaml");

        assertThat(run.out()).startsWith("file: ").contains("\nvalid: true\n", "problems: []");
    }
}
