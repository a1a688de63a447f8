package dev.limiter.provision;

import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10: a limit's {@code local:} allowance in the limits file, written back, and planned as an update. */
class LocalAllowanceFileTest {

    @Test
    void parse_everyForm_readsTheAllowance() {
        String text = """
                namespace: prod
                defaults:
                  limits:
                    a: {rate: 100, per: minute, local: true}
                    b: {rate: 100, per: minute, local: false}
                    c: {rate: 100, per: minute, local: {max_share: 0.25, max_hold: 500ms}}
                    d: {capacity: 10, refill_amount: 5, refill_period: 30s, local: {max_hold: 2m}}
                    e: {rate: 100, per: minute, local: {max_share: 1}}
                """;

        assertThat(namespaceLimits(ManifestParser.parse(text, "limits.yaml"))).containsExactlyInAnyOrder(
                Limit.perMinute("a", 100).withLocalAllowance(),
                Limit.perMinute("b", 100),
                Limit.perMinute("c", 100).withLocalAllowance(LocalAllowance.of(0.25, Duration.ofMillis(500))),
                Limit.of("d", 10, 5, Duration.ofSeconds(30))
                        .withLocalAllowance(LocalAllowance.of(0.1, Duration.ofMinutes(2))),
                Limit.perMinute("e", 100).withLocalAllowance(LocalAllowance.of(1, Duration.ofSeconds(1))));
    }

    @Test
    void parse_badAllowances_reportsEveryOneAtItsValueNamingFieldAndRule() {
        String text = """
                namespace: prod
                defaults:
                  limits:
                    a: {rate: 100, per: minute, local: {max_share: 1.5}}
                    b: {rate: 100, per: minute, local: {max_share: 0}}
                    c: {rate: 100, per: minute, local: {max_hold: 5ms}}
                    d: {rate: 100, per: minute, local: {max_hold: 11m}}
                    e: {rate: 100, per: minute, local: {maxShare: 0.1}}
                    f: {rate: 100, per: minute, local: yes}
                    g: {rate: 100, per: minute, local: {max_share: lots, max_hold: soon}}
                """;

        assertThat(ManifestParser.parsePartly(text, "limits.yaml").problems()).extracting(ManifestProblem::toString)
                .containsExactly(
                        "limits.yaml:4:52: error: 'max_share' of 'local' of limit 'a' is '1.5': must be a number "
                                + "above 0 and at most 1 (the share of the limit's capacity one process may hold, "
                                + "e.g. 0.1)",
                        "limits.yaml:5:52: error: 'max_share' of 'local' of limit 'b' is '0': must be a number "
                                + "above 0 and at most 1 (the share of the limit's capacity one process may hold, "
                                + "e.g. 0.1)",
                        "limits.yaml:6:51: error: 'max_hold' of 'local' of limit 'c' is '5ms': must be a duration "
                                + "from 10ms to 10m (500ms, 1s, 2m or ISO-8601), the longest a reserved token waits "
                                + "before it is returned",
                        "limits.yaml:7:51: error: 'max_hold' of 'local' of limit 'd' is '11m': must be a duration "
                                + "from 10ms to 10m (500ms, 1s, 2m or ISO-8601), the longest a reserved token waits "
                                + "before it is returned",
                        "limits.yaml:8:41: error: unknown field 'maxShare' in 'local' of limit 'e'; did you mean "
                                + "'max_share'?",
                        "limits.yaml:9:40: error: 'local' of limit 'f' (true, false or {max_share, max_hold}) is "
                                + "'yes': must be true or false",
                        "limits.yaml:10:52: error: 'max_share' of 'local' of limit 'g' is 'lots': must be a number "
                                + "above 0 and at most 1 (the share of the limit's capacity one process may hold, "
                                + "e.g. 0.1)",
                        "limits.yaml:10:68: error: 'max_hold' of 'local' of limit 'g' is 'soon': must be a duration "
                                + "from 10ms to 10m (500ms, 1s, 2m or ISO-8601), the longest a reserved token waits "
                                + "before it is returned");
    }

    @Test
    void toYaml_allowances_writeBothKeysAndParseBackEqual() {
        LimitConfig config = LimitConfig.of(Limit.perMinute("rpm", 100).withLocalAllowance(),
                Limit.of("tpm", 7, 3, Duration.ofSeconds(90)).asShadow()
                        .withLocalAllowance(LocalAllowance.of(0.25, Duration.ofMillis(1500))),
                Limit.perDay("rpd", 5));
        LimitsManifest manifest = new LimitsManifest("ns", Optional.empty(), Map.of(ConfigScope.namespace(), config),
                List.of(), Map.of());

        String yaml = ManifestWriter.toYaml(manifest);

        assertThat(yaml).contains("rpm: {rate: 100, per: minute, local: {max_share: 0.1, max_hold: 1s}}")
                .contains("tpm: {capacity: 7, refill_amount: 3, refill_period: 90s, shadow: true, "
                        + "local: {max_share: 0.25, max_hold: 1500ms}}")
                .contains("rpd: {rate: 5, per: day}");
        assertThat(namespaceLimits(ManifestParser.parse(yaml, "export.yaml")))
                .containsExactlyInAnyOrderElementsOf(config.limits());
    }

    @Test
    void plan_allowanceChanged_isAnUpdateOfThatLimitShowingBeforeAndAfter() {
        Limit live = Limit.perMinute("rpm", 100).withLocalAllowance();
        LiveState state = new LiveState("prod", Map.of("limits.namespace", new LiveState.Live(
                new Resource.Config(ConfigScope.namespace(), LimitConfig.of(live)), true)), "fingerprint");
        LimitsManifest file = ManifestParser.parse("""
                namespace: prod
                defaults:
                  limits:
                    rpm: {rate: 100, per: minute, local: {max_share: 0.5, max_hold: 2s}}
                """, "limits.yaml");

        Plan plan = Planner.plan(file, state, Optional.empty());

        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(Change.Action.UPDATE);
            assertThat(change.address()).isEqualTo("limits.namespace");
            assertThat(change.before()).containsEntry("rpm.local.max_share", "0.1")
                    .containsEntry("rpm.local.max_hold", "1s");
            assertThat(change.after()).containsEntry("rpm.local.max_share", "0.5")
                    .containsEntry("rpm.local.max_hold", "2s").containsEntry("rpm.capacity", "100");
        });
    }

    @Test
    void plan_allowanceTurnedOff_dropsItsAttributes() {
        LiveState state = new LiveState("prod", Map.of("limits.namespace", new LiveState.Live(
                new Resource.Config(ConfigScope.namespace(),
                        LimitConfig.of(Limit.perMinute("rpm", 100).withLocalAllowance())), true)), "fingerprint");
        LimitsManifest file = ManifestParser.parse("""
                namespace: prod
                defaults:
                  limits:
                    rpm: {rate: 100, per: minute, local: false}
                """, "limits.yaml");

        Plan plan = Planner.plan(file, state, Optional.empty());

        assertThat(plan.changes()).singleElement().satisfies(change ->
                assertThat(change.after()).doesNotContainKeys("rpm.local.max_share", "rpm.local.max_hold"));
    }

    @Test
    void lint_allowanceBelowOneToken_warnsThatItServesNothingLocally() {
        LimitsManifest manifest = ManifestParser.parse("""
                namespace: prod
                defaults:
                  limits:
                    rpm: {rate: 5, per: minute, local: true}
                """, "limits.yaml");

        assertThat(new ManifestLinter(8).lint(manifest, "limits.yaml")).extracting(ManifestProblem::toString)
                .containsExactly("limits.yaml:4:5: warning: limit 'rpm' of " + ConfigScope.namespace() + " has a "
                        + "local allowance of max_share 0.1 of a capacity of 5, which is less than one token: no "
                        + "process can hold any, so every acquire is charged to the table");
    }

    private static List<Limit> namespaceLimits(LimitsManifest manifest) {
        return manifest.configs().get(ConfigScope.namespace()).limits();
    }
}
