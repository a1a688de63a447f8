package dev.limiter.cli.options;

import dev.limiter.backend.Backend;
import dev.limiter.memory.InMemoryBackend;
import picocli.CommandLine.Command;

/**
 * Chooses where a command's limits live. Mix it into every command that talks to a backend with {@code @Mixin}:
 * the options that select and reach a backend belong here, so that all commands accept the same ones.
 *
 * <p>The in-memory backend is the only backend this build knows, so this mixin has no options yet and
 * {@link #createBackend()} always returns a new, empty {@link InMemoryBackend}; the DynamoDB backend will add its
 * endpoint and table options here and choose between the two in {@link #createBackend()}. ({@code @Command} makes
 * picocli accept a mixin without options.)
 */
@Command
public final class BackendOptions {

    /** Creates the mixin; picocli fills its fields. */
    public BackendOptions() {
        // no options yet: see the class documentation
    }

    /** A human-readable name of the backend {@link #createBackend()} returns, e.g. {@code in-memory}. */
    public String describe() {
        return "in-memory backend";
    }

    /** A new backend as the options select it; the caller owns it. */
    public Backend createBackend() {
        return InMemoryBackend.create();
    }
}
