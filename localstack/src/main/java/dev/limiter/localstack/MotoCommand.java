package dev.limiter.localstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code moto_server} command line and how its process is wired.
 *
 * <p>Output and error go to a log file, never to a pipe, so a full pipe can never block the server. A
 * detached server also reads {@code /dev/null} and, where {@code setsid} exists, runs in its own session,
 * so it outlives the JVM and ignores the terminal's Ctrl-C; {@code setsid} execs in place, so the pid is
 * the server's.
 */
final class MotoCommand {

    /** The message for a missing executable. */
    static final String INSTALL_HINT =
            "moto_server not found on PATH; install moto[server] 5.x (pip install 'moto[server]')";

    private static final String HOST = "127.0.0.1";
    private static final File DEV_NULL = new File("/dev/null");

    private final String executable;
    private final MotoEngine engine;

    /**
     * Creates the command of the serialised engine for an executable name or path.
     *
     * @param executable {@code moto_server}, or another name or path (tests use a missing one)
     */
    MotoCommand(String executable) {
        this(executable, MotoEngine.SERIALIZED);
    }

    /**
     * Creates the command for an executable name or path and an engine.
     *
     * @param executable {@code moto_server}, or another name or path (tests use a missing one)
     * @param engine how the server serves requests
     */
    MotoCommand(String executable, MotoEngine engine) {
        if (executable.isBlank()) {
            throw new IllegalArgumentException("executable must not be blank");
        }
        this.executable = executable;
        this.engine = engine;
    }

    /** Returns the engine the command starts. */
    MotoEngine engine() {
        return engine;
    }

    /** Returns the endpoint a server on this port serves. */
    static URI endpoint(int port) {
        return URI.create("http://" + HOST + ":" + port);
    }

    /**
     * Starts the process, appending its output to {@code logFile}.
     *
     * @throws LocalEndpointException if the executable is missing or cannot be started
     */
    Process launch(int port, Path logFile, boolean detached) {
        Path program = Executables.find(executable)
                .orElseThrow(() -> new LocalEndpointException(INSTALL_HINT + " (looked for '" + executable + "')"));
        List<String> server = SerializedMoto.command(executable, engine, logFile)
                .orElse(List.of(program.toString()));
        ProcessBuilder builder = new ProcessBuilder(arguments(server, port, detached))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (DEV_NULL.exists()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new LocalEndpointException(INSTALL_HINT + " (cannot run " + program + ": " + e.getMessage() + ")", e);
        }
    }

    private static List<String> arguments(List<String> server, int port, boolean detached) {
        List<String> arguments = new ArrayList<>();
        if (detached) {
            Executables.find("setsid").ifPresent(setsid -> arguments.add(setsid.toString()));
        }
        arguments.addAll(server);
        arguments.addAll(List.of("-H", HOST, "-p", Integer.toString(port)));
        return arguments;
    }

    @Override
    public String toString() {
        return engine == MotoEngine.STRICT ? executable + " (strict engine)" : executable;
    }
}
