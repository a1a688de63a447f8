package dev.limiter.provision;

import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.entity.Entity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestParserTest {

    @Test
    void parse_fullFile_readsEveryLevelAndForm() throws IOException {
        LimitsManifest manifest = ManifestParser.parse(resource("full.yaml"), "full.yaml");

        assertThat(manifest.namespace()).isEqualTo("prod");
        assertThat(manifest.onUnavailable()).contains(OnUnavailable.ALLOW);
        assertThat(manifest.configs().get(ConfigScope.namespace()).limits()).containsExactlyInAnyOrder(
                Limit.perMinute("rpm", 100), Limit.perMinute("tpm", 10_000).withBurst(15_000));
        assertThat(manifest.configs().get(ConfigScope.resource("gpt-4")).limits())
                .containsExactly(Limit.of("tpm", 20_000, 10_000, Duration.ofMinutes(1)));
        assertThat(manifest.configs().get(ConfigScope.resource("openai/gpt-4o")).limits())
                .containsExactly(Limit.perDay("rpd", 5_000));
        assertThat(manifest.configs().get(ConfigScope.entityResource("acme-search", "gpt-4")).unlimited())
                .containsExactly("tpm");
        assertThat(manifest.entities()).containsExactly(
                Entity.root("acme").withDisplayName("Acme Corp").withMetadata(java.util.Map.of("tier", "gold")),
                Entity.child("acme-search", "acme").withCascade(true),
                Entity.child("user:42", "acme-search").withCascade(true));
    }

    @Test
    void parse_shadowFlag_marksTheLimitShadowInEitherForm() {
        String text = """
                namespace: prod
                defaults:
                  limits:
                    rpm: {rate: 100, per: minute, shadow: true}
                    tpm: {capacity: 10, refill_amount: 5, refill_period: 30s, shadow: false}
                """;

        assertThat(ManifestParser.parse(text, "limits.yaml").configs().get(ConfigScope.namespace()).limits())
                .containsExactlyInAnyOrder(Limit.perMinute("rpm", 100).asShadow(),
                        Limit.of("tpm", 10, 5, Duration.ofSeconds(30)));
    }

    @Test
    void parse_shadowNotABoolean_reportsTheField() {
        String text = """
                namespace: prod
                defaults:
                  limits:
                    rpm: {rate: 100, per: minute, shadow: maybe}
                """;

        assertThat(problems(text)).singleElement().asString().contains("'shadow' of limit 'rpm'");
    }

    @Test
    void parse_unclosedBracket_reportsTheBracketNotTheEndOfFile() {
        assertThatThrownBy(() -> ManifestParser.parse("namespace: prod\nresources:\n  a: [1, 2\n", "bad.yaml"))
                .isInstanceOfSatisfying(ManifestException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.position().toString()).isEqualTo("bad.yaml:3:6");
                            assertThat(p.message()).startsWith("malformed YAML: while parsing a flow sequence")
                                    .contains("at line 4", "unclosed bracket");
                        }));
    }

    @Test
    void parse_unknownField_suggestsTheClosestOne() {
        String text = """
                namespace: prod
                entities:
                  acme:
                    parnet: root
                """;

        assertThat(problems(text)).containsExactly(
                "limits.yaml:4:5: error: unknown field 'parnet' in entity 'acme'; did you mean 'parent'?");
    }

    @Test
    void parse_moreLimitsThanOneBucketMayHold_isAnErrorNamingTheCap() {
        StringBuilder text = new StringBuilder("namespace: prod\ndefaults:\n  limits:\n");
        for (int i = 0; i <= Limit.MAX_PER_BUCKET; i++) {
            text.append("    l").append(i).append(": {rate: 1, per: second}\n");
        }

        assertThat(problems(text.toString())).singleElement().asString()
                .contains("error: limits define 33 limits: at most 32 limits may apply to one bucket");
    }

    @Test
    void parse_duplicateKeys_pointsAtTheSecondWithTheFirstLine() {
        String text = """
                namespace: prod
                resources:
                  gpt-4:
                    limits:
                      rpm: {rate: 1, per: second}
                  gpt-4:
                    limits: {}
                """;

        assertThat(problems(text)).containsExactly(
                "limits.yaml:6:3: error: duplicate key 'gpt-4' in resources (first at line 3)");
    }

    @Test
    void parse_severalErrors_reportsThemAllAtOnce() {
        String text = """
                namespace: "bad#ns"
                defaults:
                  on_unavailable: maybe
                  limits:
                    rpm: {rate: 0, per: minute}
                    tpm: {rate: 5, per: fortnight}
                    rph: {rate: 5, per: hour, capacity: 9}
                    rps: {capacity: 5, refill_amount: 5}
                    free: {unlimited: false}
                entities:
                  "a b": {}
                  x:
                    parent: x
                """;

        assertThat(problems(text)).containsExactly(
                "limits.yaml:1:12: error: namespace 'bad#ns' is invalid: must match [A-Za-z0-9][A-Za-z0-9_.-]* and be 1 to 64 characters long",
                "limits.yaml:3:19: error: on_unavailable is 'maybe': must be block or allow",
                "limits.yaml:5:17: error: 'rate' of limit 'rpm' is '0': must be a whole number between 1 and " + Limit.MAX_TOKENS,
                "limits.yaml:6:25: error: 'per' of limit 'tpm' is 'fortnight': write a unit (second, minute, hour, day, week), an amount and unit (500ms, 30s, 1m, 1h, 1d) or an ISO-8601 duration (PT1M)",
                "limits.yaml:7:5: error: limit 'rph' must be written either as {rate, per, burst} or as {capacity, refill_amount, refill_period}, not both",
                "limits.yaml:8:5: error: limit 'rps' is missing 'refill_period'",
                "limits.yaml:9:23: error: limit 'free': write 'unlimited: true' or leave it out",
                "limits.yaml:11:3: error: entity 'a b' is invalid: must match [A-Za-z0-9][A-Za-z0-9_.:@-]* and be 1 to 256 characters long",
                "limits.yaml:13:13: error: entity 'x' cannot be its own parent");
    }

    @Test
    void parse_limitThatCanNeverRefill_isRejectedWithTheRule() {
        String text = """
                namespace: prod
                resources:
                  slow:
                    limits:
                      huge: {capacity: 1000000000, refill_amount: 1, refill_period: 1d}
                """;

        assertThat(problems(text)).singleElement().asString().contains("limits.yaml:5:7", "to refill from empty",
                "must be at most");
    }

    @Test
    void parse_emptyOrNamespaceless_failsClearly() {
        assertThat(problems("")).containsExactly(
                "limits.yaml: error: the file is empty: a limits file needs at least 'namespace:'");
        assertThat(problems("resources: {}\n")).containsExactly(
                "limits.yaml:1:1: error: missing 'namespace:' (the namespace this file manages)");
    }

    private static List<String> problems(String text) {
        try {
            ManifestParser.parse(text, "limits.yaml");
            return List.of();
        } catch (ManifestException e) {
            return e.problems().stream().map(ManifestProblem::toString).toList();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ManifestParserTest.class.getResourceAsStream("/limits/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
