package dev.limiter.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs moto's server with request handling serialised ({@code serialized_moto_server.py}, shipped as a resource).
 *
 * <p>Why: {@code moto_server} handles requests on concurrent threads and does not isolate concurrent
 * {@code TransactWriteItems} (measured with moto 5.2.1: 16 threads of two-item conditional increments lost updates),
 * while DynamoDB applies every conditional write and transaction atomically. Serialising requests behind one lock
 * restores that guarantee, which the limiter's concurrency tests depend on. Used when the default
 * {@code moto_server} is requested and {@code python3} can import moto; otherwise plain {@code moto_server} runs
 * and a warning is logged.
 */
final class SerializedMoto {

    private static final Logger LOG = LoggerFactory.getLogger(SerializedMoto.class);
    private static final String SCRIPT = "serialized_moto_server.py";

    private SerializedMoto() {
    }

    /**
     * The command (without host and port) that serves moto serialised, writing the script beside {@code logFile};
     * empty when {@code executable} is not the default or moto cannot be imported by {@code python3}.
     */
    static Optional<List<String>> command(String executable, Path logFile) {
        if (!executable.equals(MotoServer.EXECUTABLE)) {
            return Optional.empty();
        }
        Optional<Path> python = Executables.find("python3").filter(SerializedMoto::importsMoto);
        if (python.isEmpty()) {
            LOG.warn("python3 cannot import moto: running plain moto_server, whose transactions are not isolated");
            return Optional.empty();
        }
        Path script = scriptFor(logFile);
        try (InputStream source = SerializedMoto.class.getResourceAsStream(SCRIPT)) {
            if (source == null) {
                throw new LocalEndpointException("resource " + SCRIPT + " is missing from the localstack jar");
            }
            Files.copy(source, script, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LocalEndpointException("cannot write " + script + ": " + e.getMessage(), e);
        }
        return Optional.of(List.of(python.get().toString(), script.toString()));
    }

    /** Where the script for a server logging to {@code logFile} is written. */
    static Path scriptFor(Path logFile) {
        return logFile.toAbsolutePath().resolveSibling(logFile.getFileName() + "-" + SCRIPT);
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
