package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, item 8: no silent fallback to plain moto_server when python3 cannot import moto. */
class SerializedMotoTest {

    @TempDir
    Path temporary;

    @Test
    void command_pythonCannotImportMoto_refusesNamingTheFix() throws IOException {
        Path python = fakePython();

        assertThatThrownBy(() -> SerializedMoto.command(MotoServer.EXECUTABLE, MotoEngine.SERIALIZED,
                temporary.resolve("moto.log"), python.toString()))
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageContaining("cannot import moto")
                .hasMessageContaining("python3 -m pip install 'moto[server]>=5,<6'")
                .hasMessageContaining("over-admits");
    }

    @Test
    void command_strictEnginePythonCannotImportMoto_refusesToo() throws IOException {
        Path python = fakePython();

        assertThatThrownBy(() -> SerializedMoto.command("/some/other/moto_server", MotoEngine.STRICT,
                temporary.resolve("moto.log"), python.toString()))
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageContaining("cannot import moto");
    }

    @Test
    void command_pythonMissing_refusesNamingIt() {
        assertThatThrownBy(() -> SerializedMoto.command(MotoServer.EXECUTABLE, MotoEngine.STRICT,
                temporary.resolve("moto.log"), "no-such-python-3"))
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageStartingWith("no-such-python-3 not found on PATH.");
    }

    @Test
    void command_otherExecutableSerialized_runsItPlain() {
        assertThat(SerializedMoto.command("/opt/moto/bin/moto_server", MotoEngine.SERIALIZED,
                temporary.resolve("moto.log"), "no-such-python-3")).isEmpty();
    }

    @Test
    void command_strictEngine_writesTheStrictScriptBesideTheLog() {
        Path log = temporary.resolve("moto.log");

        List<String> command = SerializedMoto.command(MotoServer.EXECUTABLE, MotoEngine.STRICT, log).orElseThrow();

        assertThat(command).last().isEqualTo(SerializedMoto.scriptFor(log).toString());
        assertThat(SerializedMoto.scriptFor(log)).content().contains("class Strict");
    }

    private Path fakePython() throws IOException {
        Path script = temporary.resolve("python3");
        Files.writeString(script, "#!/bin/sh\necho 'ModuleNotFoundError: No module named moto' >&2\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
