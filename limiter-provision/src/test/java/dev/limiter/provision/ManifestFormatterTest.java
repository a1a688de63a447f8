package dev.limiter.provision;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13: canonical formatting keeps a file's meaning, is idempotent, and never drops a comment silently. */
class ManifestFormatterTest {

    @Test
    void format_fullFile_keepsItsMeaning() throws IOException {
        String text = resource("full.yaml");

        ManifestFormatter.Formatted formatted = ManifestFormatter.format(text, "full.yaml");

        LimitsManifest before = ManifestParser.parse(text, "full.yaml");
        LimitsManifest after = ManifestParser.parse(formatted.text(), "full.yaml");
        assertThat(after.namespace()).isEqualTo(before.namespace());
        assertThat(after.onUnavailable()).isEqualTo(before.onUnavailable());
        assertThat(after.entities()).containsExactlyInAnyOrderElementsOf(before.entities());
        assertThat(after.configs().keySet()).containsExactlyInAnyOrderElementsOf(before.configs().keySet());
        before.configs().forEach((scope, config) -> {
            assertThat(after.configs().get(scope).limits()).as(scope.toString())
                    .containsExactlyInAnyOrderElementsOf(config.limits());
            assertThat(after.configs().get(scope).unlimited()).isEqualTo(config.unlimited());
        });
    }

    @Test
    void format_canonicalText_isUnchanged() throws IOException {
        String canonical = ManifestFormatter.format(resource("full.yaml"), "full.yaml").text();

        ManifestFormatter.Formatted again = ManifestFormatter.format(canonical, "full.yaml");

        assertThat(again.changed()).isFalse();
        assertThat(again.text()).isEqualTo(canonical);
    }

    @Test
    void format_comments_refusedWithEachPosition() {
        String text = "namespace: ns  # the tenant\n# limits follow\ndefaults: {limits: {rpm: {rate: 5, per: minute}}}\n";

        assertThatThrownBy(() -> ManifestFormatter.format(text, "c.yaml"))
                .isInstanceOfSatisfying(ManifestException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.position().toString()).containsExactly("c.yaml:1:16", "c.yaml:2:1"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ManifestFormatterTest.class.getResourceAsStream("/limits/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
