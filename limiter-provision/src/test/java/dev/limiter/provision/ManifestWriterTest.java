package dev.limiter.provision;

import dev.limiter.entity.Entity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestWriterTest {

    @Test
    void toYaml_rootEntityWithoutAttributes_writesAnEmptyMappingThatParsesBack() {
        LimitsManifest manifest = new LimitsManifest("ns", Optional.empty(), Map.of(),
                List.of(Entity.root("bare"), Entity.child("kid", "bare")), Map.of());

        String yaml = ManifestWriter.toYaml(manifest);

        assertThat(yaml).isEqualTo("namespace: ns\nentities:\n  bare: {}\n  kid:\n    parent: bare\n");
        assertThat(ManifestParser.parse(yaml, "export.yaml").entities()).isEqualTo(manifest.entities());
    }
}
