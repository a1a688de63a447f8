package dev.limiter.provision;

import dev.limiter.Limit;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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

    @Test
    void toYaml_shadowLimits_writeTheFlagAndParseBack() {
        LimitConfig config = LimitConfig.of(Limit.perMinute("rpm", 100).asShadow(),
                Limit.of("tpm", 7, 3, Duration.ofSeconds(90)).asShadow(), Limit.perDay("rpd", 5));
        LimitsManifest manifest = new LimitsManifest("ns", Optional.empty(), Map.of(ConfigScope.namespace(), config),
                List.of(), Map.of());

        String yaml = ManifestWriter.toYaml(manifest);

        assertThat(yaml).contains("rpm: {rate: 100, per: minute, shadow: true}")
                .contains("tpm: {capacity: 7, refill_amount: 3, refill_period: 90s, shadow: true}")
                .contains("rpd: {rate: 5, per: day}");
        assertThat(ManifestParser.parse(yaml, "export.yaml").configs().get(ConfigScope.namespace()).limits())
                .containsExactlyInAnyOrderElementsOf(config.limits());
    }
}
