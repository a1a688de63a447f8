package dev.limiter.cdk.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsManifestTest {

    @TempDir
    Path dir;

    @Test
    void read_yamlFile_returnsItsText() throws IOException {
        Path file = Files.writeString(dir.resolve("limits.yaml"), "namespace: demo\n", StandardCharsets.UTF_8);

        assertThat(LimitsManifest.read(file)).isEqualTo("namespace: demo\n");
    }

    @Test
    void read_missingFile_failsNamingThePath() {
        assertThatThrownBy(() -> LimitsManifest.read(dir.resolve("absent.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent.yaml does not exist");
    }

    @Test
    void read_emptyFile_fails() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "");

        assertThatThrownBy(() -> LimitsManifest.read(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 0 bytes: must have 1 to");
    }

    @Test
    void read_fileAboveTheLimit_fails() throws IOException {
        Path file = Files.write(dir.resolve("big.yaml"), new byte[LimitsManifest.MAX_BYTES + 1]);

        assertThatThrownBy(() -> LimitsManifest.read(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 102401 bytes");
    }

    @Test
    void read_invalidUtf8_fails() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', (byte) 0xE9, 'b'});

        assertThatThrownBy(() -> LimitsManifest.read(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not valid UTF-8");
    }
}
