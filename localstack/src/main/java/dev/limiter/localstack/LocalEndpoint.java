package dev.limiter.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A local endpoint running in a detached process, as {@code limiter local up} records it for
 * {@code local down | status | env}.
 *
 * <p>The record is stored as a small properties file ({@link #save(Path)}, {@link #load(Path)}). It keeps the
 * process start time next to the pid, so a later command never mistakes an unrelated process that reuses the
 * pid for ours: {@link #process()} and {@link #stop(Duration)} act only on the process that was started.
 *
 * @param endpoint the HTTP endpoint, for example {@code http://127.0.0.1:4566}
 * @param pid the process id of the server (moto_server) or of the process that owns it (docker compose)
 * @param kind {@link EndpointKind#MOTO}, {@link EndpointKind#MOTO_STRICT} or {@link EndpointKind#LOCALSTACK}
 * @param logFile where the process writes its output
 * @param startedAt the process start time as the operating system reports it, or {@link Instant#EPOCH} when
 *     it reports none (then only the pid identifies the process)
 */
public record LocalEndpoint(URI endpoint, long pid, EndpointKind kind, Path logFile, Instant startedAt) {

    /** The region that {@link #toEnvironment()} names; local endpoints accept any. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the pid is not positive, the kind is {@link EndpointKind#EXTERNAL}
     *     or the endpoint is not an absolute http(s) URI
     */
    public LocalEndpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(startedAt, "startedAt");
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, was " + pid);
        }
        if (kind == EndpointKind.EXTERNAL) {
            throw new IllegalArgumentException(
                    "kind must be MOTO, MOTO_STRICT or LOCALSTACK: an EXTERNAL endpoint has no local process");
        }
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URI, was " + endpoint);
        }
    }

    /**
     * Describes a running process, taking its pid and start time from its handle.
     *
     * @param endpoint the HTTP endpoint it serves
     * @param process the process that was started
     * @param kind {@link EndpointKind#MOTO}, {@link EndpointKind#MOTO_STRICT} or {@link EndpointKind#LOCALSTACK}
     * @param logFile where the process writes its output
     * @return the record
     */
    public static LocalEndpoint of(URI endpoint, ProcessHandle process, EndpointKind kind, Path logFile) {
        Instant startedAt = process.info().startInstant().orElse(Instant.EPOCH);
        return new LocalEndpoint(endpoint, process.pid(), kind, logFile, startedAt);
    }

    /**
     * Returns the process if it still runs and is the one that was started (same pid and start time).
     *
     * @return the live process, or empty if it has ended
     */
    public Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::startedWhenRecorded);
    }

    /** Returns true while the recorded process runs. */
    public boolean isRunning() {
        return process().isPresent();
    }

    /**
     * Stops the recorded process and its descendants: SIGTERM, {@code grace}, then SIGKILL and {@code grace}.
     *
     * @param grace how long to wait after each signal
     * @return true if the process no longer runs (including when it had already ended)
     */
    public boolean stop(Duration grace) {
        return process().map(handle -> ProcessTermination.terminate(handle, grace)).orElse(true);
    }

    /**
     * Returns environment variables that point the AWS SDK, the AWS CLI and this project's tests at the
     * endpoint, in a stable order: {@code LIMITER_TEST_ENDPOINT}, {@code AWS_ENDPOINT_URL_DYNAMODB},
     * {@code AWS_ENDPOINT_URL_DYNAMODB_STREAMS}, {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID},
     * {@code AWS_SECRET_ACCESS_KEY} (fake {@code test} credentials).
     *
     * @return an unmodifiable, ordered map
     */
    public Map<String, String> toEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(DynamoDbEndpointExtension.ENDPOINT_VARIABLE, endpoint.toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", endpoint.toString());
        environment.put("AWS_REGION", DEFAULT_REGION);
        environment.put("AWS_ACCESS_KEY_ID", DynamoDbTestEndpoint.FAKE_ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", DynamoDbTestEndpoint.FAKE_SECRET_KEY);
        return Collections.unmodifiableMap(environment);
    }

    /** Returns the record as properties: {@code endpoint}, {@code pid}, {@code kind}, {@code logFile}, {@code startedAt}. */
    public Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("endpoint", endpoint.toString());
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("kind", kind.name());
        properties.setProperty("logFile", logFile.toString());
        properties.setProperty("startedAt", startedAt.toString());
        return properties;
    }

    /**
     * Reads a record from properties written by {@link #toProperties()}.
     *
     * @param properties the properties
     * @return the record
     * @throws LocalEndpointException if a property is missing or malformed, naming it
     */
    public static LocalEndpoint fromProperties(Properties properties) {
        try {
            return new LocalEndpoint(
                    URI.create(required(properties, "endpoint")),
                    Long.parseLong(required(properties, "pid")),
                    EndpointKind.valueOf(required(properties, "kind")),
                    Path.of(required(properties, "logFile")),
                    Instant.parse(required(properties, "startedAt")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new LocalEndpointException("malformed local endpoint properties " + properties + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the record to a properties file, atomically replacing an existing one and creating its directory.
     *
     * @param file the file to write
     * @throws LocalEndpointException if the file cannot be written
     */
    public void save(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                toProperties().store(writer, "limiter local endpoint");
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LocalEndpointException("cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a record from a file written by {@link #save(Path)}.
     *
     * @param file the file to read
     * @return the record
     * @throws LocalEndpointException if the file cannot be read or is malformed
     */
    public static LocalEndpoint load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new LocalEndpointException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return fromProperties(properties);
    }

    private boolean startedWhenRecorded(ProcessHandle handle) {
        if (startedAt.equals(Instant.EPOCH)) {
            return true;
        }
        return handle.info().startInstant()
                .map(actual -> Duration.between(actual, startedAt).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(true);
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("property '" + key + "' is missing");
        }
        return value.strip();
    }
}
