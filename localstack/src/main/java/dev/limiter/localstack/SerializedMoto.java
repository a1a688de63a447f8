package dev.limiter.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs moto's server in-process behind one of this module's Python wrappers ({@link MotoEngine#script()}, shipped
 * as resources): {@code serialized_moto_server.py} or {@code strict_moto_server.py}.
 *
 * <p>Why: {@code moto_server} handles requests on concurrent threads and does not isolate concurrent writes
 * (measured with moto 5.2.1: 16 threads of two-item conditional increments lost updates, and single-item
 * conditional {@code UpdateItem}s over-admitted a rate limiter), while DynamoDB applies every conditional write and
 * transaction atomically. Serialising requests behind one lock restores that guarantee, which the limiter's
 * concurrency tests depend on. Because plain moto gives false results, this class refuses to start instead of
 * falling back to it when {@code python3} cannot import moto. Plain {@code moto_server} runs only when another
 * executable is named explicitly (and then only for {@link MotoEngine#SERIALIZED}).
 */
final class SerializedMoto {

    /** What to do when python3 cannot import moto. */
    static final String PYTHON_HINT = "python3 on PATH cannot import moto, which the serialised and strict moto "
            + "engines run in-process: install it for that interpreter (python3 -m pip install 'moto[server]>=5,<6'). "
            + "Plain moto_server is not a substitute: it applies concurrent writes without isolation and over-admits.";

    private static final String SCRIPT_SUFFIX = "-moto-engine.py";

    private SerializedMoto() {
    }

    /**
     * The command (without host and port) that serves moto through the engine's wrapper, writing the script beside
     * {@code logFile}; empty when a serialised server was asked for with an executable other than the default.
     *
     * @throws LocalEndpointException if python3 is missing or cannot import moto, or the script cannot be written
     */
    static Optional<List<String>> command(String executable, MotoEngine engine, Path logFile) {
        if (engine == MotoEngine.SERIALIZED && !executable.equals(MotoServer.EXECUTABLE)) {
            return Optional.empty();
        }
        Path python = Executables.find("python3")
                .orElseThrow(() -> new LocalEndpointException("python3 not found on PATH. " + PYTHON_HINT));
        if (!importsMoto(python)) {
            throw new LocalEndpointException(PYTHON_HINT + " (python3: " + python + ")");
        }
        Path script = scriptFor(logFile);
        try (InputStream source = SerializedMoto.class.getResourceAsStream(engine.script())) {
            if (source == null) {
                throw new LocalEndpointException("resource " + engine.script() + " is missing from the localstack jar");
            }
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LocalEndpointException("cannot write " + script + ": " + e.getMessage(), e);
        }
        return Optional.of(List.of(python.toString(), script.toString()));
    }

    /** Where the script for a server logging to {@code logFile} is written. */
    static Path scriptFor(Path logFile) {
        return logFile.toAbsolutePath().resolveSibling(logFile.getFileName() + SCRIPT_SUFFIX);
    }

    private static boolean importsMoto(Path python) {
        try {
            Process check = new ProcessBuilder(python.toString(), "-c", "import moto.moto_server.werkzeug_app")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!check.waitFor(60, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return false;
            }
            return check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
