package dev.limiter.cli.options;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --home DIR}: where {@code limiter} keeps state between runs, such as the record of the local DynamoDB
 * started by {@code limiter local up}. Defaults to {@code LIMITER_HOME}, else {@code ~/.limiter}. Not thread-safe:
 * picocli fills it.
 */
public final class StateDirectory {

    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${sys:user.home}/.limiter",
            description = "Directory for limiter's local state (env: LIMITER_HOME; default: ~/.limiter).")
    private Path home;

    /** Creates the mixin; picocli fills its fields. */
    public StateDirectory() {
        // fields are injected by picocli
    }

    /** The directory; it may not exist yet. */
    public Path path() {
        return home.toAbsolutePath();
    }
}
