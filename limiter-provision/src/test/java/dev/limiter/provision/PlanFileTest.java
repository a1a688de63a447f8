package dev.limiter.provision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13: saved plans that cannot be read or written say why in the user's terms, not Jackson's. */
class PlanFileTest {

    @TempDir
    Path dir;

    @Test
    void load_missingFile_saysNoSuchFile() {
        assertThatThrownBy(() -> PlanFile.load(dir.resolve("plan.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read plan file " + dir.resolve("plan.json") + ": no such file");
    }

    @Test
    void load_limitsFile_saysToApplyItWithDashF() throws Exception {
        Path yaml = Files.writeString(dir.resolve("limits.yaml"), "namespace: prod\nentities:\n  acme: {}\n");

        assertThatThrownBy(() -> PlanFile.load(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(yaml + " is not a plan file saved by 'limiter limits plan --out': it looks like a limits "
                        + "file; apply it with -f " + yaml)
                .hasMessageNotContaining("REDACTED");
    }

    @Test
    void save_intoMissingDirectory_namesTheDirectory() {
        PlanFile plan = PlanFile.of(new Plan("prod", "f", List.of()), "t", "limits.yaml", "namespace: prod\n",
                Optional.empty());
        Path out = dir.resolve("missing").resolve("plan.json");

        assertThatThrownBy(() -> plan.save(out))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("directory " + dir.resolve("missing") + " does not exist");
    }
}
