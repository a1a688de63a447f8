package dev.limiter.provision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestLinterTest {

    private final ManifestLinter linter = new ManifestLinter(3);

    @Test
    void lint_cleanFile_findsNothing() {
        assertThat(lint("""
                namespace: prod
                entities:
                  org: {limits: {rpm: {rate: 100, per: minute}}}
                  team: {parent: org, cascade: true, limits: {rpm: {rate: 50, per: minute}}}
                """)).isEmpty();
    }

    @Test
    void lint_undeclaredParent_pointsAtTheParentField() {
        assertThat(lint("""
                namespace: prod
                entities:
                  team:
                    parent: org
                """)).containsExactly("limits.yaml:4:13: error: parent 'org' of entity 'team' is not declared under 'entities:'");
    }

    @Test
    void lint_parentCycle_isReportedOncePerMember() {
        assertThat(lint("""
                namespace: prod
                entities:
                  a: {parent: c}
                  b: {parent: a}
                  c: {parent: b}
                """)).containsExactly(
                "limits.yaml:3:15: error: entity 'a' is in a parent cycle: a -> c -> b -> a",
                "limits.yaml:4:15: error: entity 'b' is in a parent cycle: b -> a -> c -> b",
                "limits.yaml:5:15: error: entity 'c' is in a parent cycle: c -> b -> a -> c");
    }

    @Test
    void lint_deeperThanBound_namesTheChain() {
        assertThat(lint("""
                namespace: prod
                entities:
                  a: {}
                  b: {parent: a}
                  c: {parent: b}
                  d: {parent: c}
                """)).containsExactly(
                "limits.yaml:6:3: error: entity 'd' is at depth 4: hierarchies are limited to 3 levels (d -> c -> b -> a)");
    }

    @Test
    void lint_cascadingChildAboveParent_warnsWithBothCapacities() {
        assertThat(lint("""
                namespace: prod
                entities:
                  org:
                    resources:
                      gpt-4: {limits: {tpm: {rate: 1000, per: minute}}}
                  team:
                    parent: org
                    cascade: true
                    resources:
                      gpt-4: {limits: {tpm: {rate: 5000, per: minute}}}
                """)).containsExactly("limits.yaml:10:24: warning: limit 'tpm' of entity 'team' (capacity 5000) is above "
                + "its parent 'org' (capacity 1000): cascaded requests above 1000 can never be granted");
    }

    @Test
    void lint_burstBelowRate_warns() {
        assertThat(lint("""
                namespace: prod
                resources:
                  api:
                    limits:
                      rpm: {rate: 100, per: minute, burst: 10}
                """)).containsExactly("limits.yaml:5:7: warning: limit 'rpm' of resource api has a burst of 10 below its "
                + "rate of 100 per 1m: requests above 10 can never be granted");
    }

    private List<String> lint(String text) {
        return linter.lint(ManifestParser.parse(text, "limits.yaml"), "limits.yaml").stream()
                .map(ManifestProblem::toString).toList();
    }
}
