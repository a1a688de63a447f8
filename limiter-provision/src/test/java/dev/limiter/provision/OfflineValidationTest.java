package dev.limiter.provision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineValidationTest {

    @Test
    void validate_withoutATable_listsParseProblemsInFileOrder() {
        List<ManifestProblem> problems = LimitsProvisioning.check(
                "namespace: ns\nentities:\n  a: {parent: a, cascde: true}\n  b: {}\n  b: {}\n", "limits.yaml", 8)
                .problems();

        assertThat(problems).extracting(problem -> problem.position().toString()).containsExactly(
                "limits.yaml:3:15", "limits.yaml:3:18", "limits.yaml:5:3");
    }

    @Test
    void validate_withoutATable_listsLintFindingsInFileOrder() {
        List<ManifestProblem> problems = LimitsProvisioning.check("""
                namespace: ns
                entities:
                  x: {parent: y, limits: {rpm: {rate: 10, per: minute, burst: 1}}}
                  y: {parent: x}
                """, "limits.yaml", 8).problems();

        assertThat(problems).extracting(problem -> problem.position().line()).isSorted().hasSize(3);
    }

    @Test
    void manifestException_sortsItsProblemsIntoFileOrder() {
        ManifestProblem late = ManifestProblem.error(new SourcePosition("f", 9, 1), "late");
        ManifestProblem early = ManifestProblem.error(new SourcePosition("f", 2, 5), "early");

        ManifestException invalid = new ManifestException(List.of(late, early));

        assertThat(invalid.problems()).containsExactly(early, late);
        assertThat(invalid.getMessage()).isEqualTo("f:2:5: error: early" + System.lineSeparator() + "f:9:1: error: late");
    }
}
