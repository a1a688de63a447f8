package dev.limiter.provision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: every mistake of a limits file is reported at once; a read error never hides a semantic one. */
class ManifestCheckTest {

    @Test
    void check_selfParentAndACycleElsewhere_reportsBoth() {
        ManifestCheck check = check("""
                namespace: prod
                entities:
                  loner: {parent: loner}
                  a: {parent: b}
                  b: {parent: a}
                """);

        assertThat(messages(check)).containsExactly(
                "limits.yaml:3:19: error: entity 'loner' cannot be its own parent",
                "limits.yaml:4:15: error: entity 'a' is in a parent cycle: a -> b -> a",
                "limits.yaml:5:15: error: entity 'b' is in a parent cycle: b -> a -> b");
    }

    @Test
    void check_badLimitValue_stillReportsUndeclaredParentAndDepth() {
        ManifestCheck check = LimitsProvisioning.check("""
                namespace: prod
                entities:
                  org: {limits: {rpm: {rate: -5, per: minute}}}
                  team: {parent: org}
                  user: {parent: team}
                  stray: {parent: nobody}
                """, "limits.yaml", 2);

        assertThat(check.errors()).isEqualTo(3);
        assertThat(messages(check)).anySatisfy(m -> assertThat(m).startsWith("limits.yaml:3:").contains("rate"))
                .anySatisfy(m -> assertThat(m).contains("entity 'user' is at depth 3"))
                .anySatisfy(m -> assertThat(m).contains("parent 'nobody' of entity 'stray' is not declared"));
        assertThat(check.manifest()).isEmpty();
    }

    @Test
    void check_entityThatIsNotAMapping_doesNotMakeItsChildrenOrphans() {
        ManifestCheck check = check("""
                namespace: prod
                entities:
                  org: [oops]
                  team: {parent: org}
                """);

        assertThat(messages(check)).singleElement().asString().startsWith("limits.yaml:3:");
    }

    @Test
    void check_unknownFieldAndBurstBelowRate_reportsTheErrorAndTheWarning() {
        ManifestCheck check = check("""
                namespace: prod
                defaults:
                  limits:
                    rpm: {rate: 100, per: minute, burst: 5}
                  colour: red
                """);

        assertThat(check.errors()).isEqualTo(1);
        assertThat(check.warnings()).singleElement().asString().contains("burst of 5 below its rate of 100");
    }

    private static ManifestCheck check(String text) {
        return LimitsProvisioning.check(text, "limits.yaml", 8);
    }

    private static java.util.List<String> messages(ManifestCheck check) {
        return check.problems().stream().map(ManifestProblem::toString).toList();
    }
}
