package dev.limiter.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code moto_server} child process serving DynamoDB and DynamoDB Streams over HTTP on 127.0.0.1.
 *
 * <p>{@link #start()} launches {@code moto_server -H 127.0.0.1 -p <port>}, waits until it answers HTTP and
 * returns. Its output goes to a temporary log file (deleted by {@link #stop()}), so it never blocks on a full
 * pipe. A JVM shutdown hook ends the process if nobody calls {@link #stop()}; it ends only this process, by
 * its handle. For a server that outlives the JVM (the CLI's {@code limiter local up}), use
 * {@link #startDetached(int, Path, Duration)}.
 *
 * <p>The server runs moto behind one of this module's wrappers ({@link MotoEngine}): serialised by default,
 * strict with {@link #start(MotoEngine)}. It refuses to start, naming the fix, when {@code python3} cannot import
 * moto; plain {@code moto_server} applies concurrent writes without isolation and would give false results.
 *
 * <p>Thread-safety: safe for use by several threads; {@link #stop()} is idempotent.
 */
public final class MotoServer implements AutoCloseable {

    /** The executable looked up on {@code PATH}. */
    public static final String EXECUTABLE = "moto_server";

    /** How long {@link #start()} waits for the server to answer by default: 30 seconds. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(MotoServer.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int FREE_PORT_ATTEMPTS = 3;
    private static final String PORT_TAKEN = "Address already in use";

    private final Process process;
    private final int port;
    private final Path logFile;
    private final MotoEngine engine;
    private final Thread shutdownHook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private MotoServer(Process process, int port, Path logFile, MotoEngine engine) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.engine = engine;
        this.shutdownHook = new Thread(this::terminate, "moto_server-" + process.pid() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server on a free loopback port and waits up to {@link #DEFAULT_STARTUP_TIMEOUT} for it.
     *
     * @return the running server; the caller stops it
     * @throws LocalEndpointException if {@code moto_server} is missing, exits early or does not answer in time
     */
    public static MotoServer start() {
        return start(MotoEngine.SERIALIZED);
    }

    /**
     * Starts a server of the given engine on a free loopback port and waits up to {@link #DEFAULT_STARTUP_TIMEOUT}.
     *
     * @param engine {@link MotoEngine#STRICT} for DynamoDB's conflicts, throttling and limits ({@link #strict()})
     * @return the running server; the caller stops it
     * @throws LocalEndpointException if {@code moto_server} or python3 with moto is missing, or the server exits
     *     early or does not answer in time
     */
    public static MotoServer start(MotoEngine engine) {
        return start(new MotoCommand(EXECUTABLE, engine), DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * Starts a server on the given loopback port and waits up to {@link #DEFAULT_STARTUP_TIMEOUT} for it.
     *
     * @param port a free TCP port, 1..65535
     * @return the running server; the caller stops it
     * @throws IllegalArgumentException if the port is outside 1..65535
     * @throws LocalEndpointException if the port is taken, {@code moto_server} is missing, exits early or does
     *     not answer in time
     */
    public static MotoServer start(int port) {
        return start(port, DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * Starts a server on the given loopback port and waits up to {@code startupTimeout} for it.
     *
     * @param port a free TCP port, 1..65535
     * @param startupTimeout how long to wait for the first HTTP answer
     * @return the running server; the caller stops it
     * @throws IllegalArgumentException if the port is outside 1..65535
     * @throws LocalEndpointException if the port is taken, {@code moto_server} is missing, exits early or does
     *     not answer in time
     */
    public static MotoServer start(int port, Duration startupTimeout) {
        return start(new MotoCommand(EXECUTABLE), LoopbackPorts.requireFree(port), startupTimeout);
    }

    /**
     * Starts a detached server that outlives this JVM, appending its output to {@code logFile}.
     *
     * <p>Save the returned record ({@link LocalEndpoint#save(Path)}) so that a later command can stop the
     * server by its pid ({@link LocalEndpoint#stop(Duration)}).
     *
     * @param port a free TCP port, 1..65535
     * @param logFile where the server's output is appended; its directory must exist
     * @param startupTimeout how long to wait for the first HTTP answer
     * @return the endpoint, pid and log file of the running server
     * @throws IllegalArgumentException if the port is outside 1..65535
     * @throws LocalEndpointException if the port is taken, {@code moto_server} is missing, exits early or does
     *     not answer in time (the process is then ended)
     */
    public static LocalEndpoint startDetached(int port, Path logFile, Duration startupTimeout) {
        return startDetached(MotoEngine.SERIALIZED, port, logFile, startupTimeout);
    }

    /**
     * Starts a detached server of the given engine; see {@link #startDetached(int, Path, Duration)}.
     *
     * @param engine how the server serves requests
     * @param port a free TCP port, 1..65535, or 0 for any free port
     * @param logFile where the server's output is appended; its directory must exist
     * @param startupTimeout how long to wait for the first HTTP answer
     * @return the endpoint, pid and log file of the running server
     * @throws IllegalArgumentException if the port is outside 0..65535
     * @throws LocalEndpointException as {@link #startDetached(int, Path, Duration)}
     */
    public static LocalEndpoint startDetached(MotoEngine engine, int port, Path logFile, Duration startupTimeout) {
        int chosen = port == 0 ? LoopbackPorts.freePort() : LoopbackPorts.requireFree(port);
        return startDetached(new MotoCommand(EXECUTABLE, engine), chosen, logFile, startupTimeout);
    }

    /**
     * Starts a detached server on a free loopback port; see {@link #startDetached(int, Path, Duration)}.
     *
     * @param logFile where the server's output is appended; its directory must exist
     * @param startupTimeout how long to wait for the first HTTP answer
     * @return the endpoint, pid and log file of the running server
     * @throws LocalEndpointException if {@code moto_server} is missing, exits early or does not answer in time
     */
    public static LocalEndpoint startDetached(Path logFile, Duration startupTimeout) {
        return startDetached(new MotoCommand(EXECUTABLE), LoopbackPorts.freePort(), logFile, startupTimeout);
    }

    static LocalEndpoint startDetached(MotoCommand command, int port, Path logFile, Duration startupTimeout) {
        Process process = command.launch(port, logFile, true);
        awaitReady(command, process, port, logFile, startupTimeout);
        LOG.info("Started detached moto_server pid {} on {} (log {})", process.pid(), MotoCommand.endpoint(port), logFile);
        return LocalEndpoint.of(MotoCommand.endpoint(port), process.toHandle(), command.engine().kind(), logFile);
    }

    static MotoServer start(MotoCommand command, Duration startupTimeout) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(command, LoopbackPorts.freePort(), startupTimeout);
            } catch (LocalEndpointException e) {
                // The free port was taken between probing and binding: try another one.
                if (attempt >= FREE_PORT_ATTEMPTS || !String.valueOf(e.getMessage()).contains(PORT_TAKEN)) {
                    throw e;
                }
                LOG.debug("moto_server could not bind its port, retrying on another one", e);
            }
        }
    }

    static MotoServer start(MotoCommand command, int port, Duration startupTimeout) {
        Path logFile = temporaryLog();
        try {
            Process process = command.launch(port, logFile, false);
            awaitReady(command, process, port, logFile, startupTimeout);
            LOG.info("Started moto_server pid {} on {}", process.pid(), MotoCommand.endpoint(port));
            return new MotoServer(process, port, logFile, command.engine());
        } catch (RuntimeException e) {
            deleteQuietly(logFile);
            deleteQuietly(SerializedMoto.scriptFor(logFile));
            throw e;
        }
    }

    private static void awaitReady(MotoCommand command, Process process, int port, Path logFile, Duration timeout) {
        URI endpoint = MotoCommand.endpoint(port);
        HttpReadiness.Outcome outcome = HttpReadiness.await(process, endpoint, timeout);
        if (outcome == HttpReadiness.Outcome.READY) {
            return;
        }
        ProcessTermination.terminate(process.toHandle(), STOP_GRACE);
        String what = outcome == HttpReadiness.Outcome.EXITED
                ? "exited with code " + process.exitValue() + " before answering on " + endpoint
                : "did not answer on " + endpoint + " within " + timeout.toMillis() + " ms (process ended)";
        throw new LocalEndpointException(command + " " + what + "; output tail:\n" + LogTail.of(logFile));
    }

    /** Returns the HTTP endpoint, for example {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return MotoCommand.endpoint(port);
    }

    /** Returns the TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Returns how the server serves requests. */
    public MotoEngine engine() {
        return engine;
    }

    /** Returns the control of the strict engine, or empty for a serialised server. */
    public Optional<StrictControl> strict() {
        return engine == MotoEngine.STRICT ? Optional.of(StrictControl.of(endpoint())) : Optional.empty();
    }

    /** Returns the process id of the server. */
    public long pid() {
        return process.pid();
    }

    /** Returns true while the server process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops the server: SIGTERM, up to 10 s of grace, then SIGKILL; waits for the exit and deletes the log.
     * Calling it again does nothing.
     *
     * @throws LocalEndpointException if the process is still alive after being killed
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        if (!terminate()) {
            throw new LocalEndpointException("moto_server pid " + pid() + " is still alive after SIGKILL");
        }
        LOG.info("Stopped moto_server pid {}", pid());
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private boolean terminate() {
        boolean ended = ProcessTermination.terminate(process.toHandle(), STOP_GRACE);
        deleteQuietly(logFile);
        deleteQuietly(SerializedMoto.scriptFor(logFile));
        return ended;
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs (or ran) terminate(), which is idempotent.
            LOG.debug("JVM shutdown in progress, shutdown hook stays registered", e);
        }
    }

    private static Path temporaryLog() {
        try {
            return Files.createTempFile("moto_server-", ".log");
        } catch (IOException e) {
            throw new LocalEndpointException("cannot create a log file for moto_server: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}", file, e);
        }
    }

    @Override
    public String toString() {
        return "MotoServer[pid=" + process.pid() + ", endpoint=" + endpoint() + "]";
    }
}
