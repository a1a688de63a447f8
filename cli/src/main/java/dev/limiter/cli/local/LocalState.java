package dev.limiter.cli.local;

import dev.limiter.localstack.LocalEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code limiter local up} records the server it started, for {@code down | status | env}:
 * {@code HOME/local.properties} (endpoint, pid, process start time, engine, log file) and the server's log
 * {@code HOME/local.log}, HOME being {@code --home}, {@code LIMITER_HOME} or {@code ~/.limiter}.
 *
 * @param home the state directory
 */
record LocalState(Path home) {

    /** The record of the running server. */
    Path file() {
        return home.resolve("local.properties");
    }

    /** The server's output. */
    Path log() {
        return home.resolve("local.log");
    }

    /** The recorded server, if one was started and not stopped since (it may have died meanwhile). */
    Optional<LocalEndpoint> load() {
        return Files.exists(file()) ? Optional.of(LocalEndpoint.load(file())) : Optional.empty();
    }

    /** The recorded server, if it still runs. */
    Optional<LocalEndpoint> running() {
        return load().filter(LocalEndpoint::isRunning);
    }

    /** Records {@code endpoint}, creating the directory. */
    void save(LocalEndpoint endpoint) {
        endpoint.save(file());
    }

    /** Forgets the recorded server. */
    void clear() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Creates the directory if needed. */
    void createHome() {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home + ": " + e.getMessage(), e);
        }
    }
}
