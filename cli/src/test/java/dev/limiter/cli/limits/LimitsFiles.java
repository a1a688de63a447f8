package dev.limiter.cli.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Limits files for the tests of this package, written to a temporary directory. */
final class LimitsFiles {

    private LimitsFiles() {
    }

    /** The standard file of these tests: settings, two entities (a cascading child) and namespace limits. */
    static String standard(String namespace, long rpm) {
        return """
                namespace: %s
                defaults:
                  on_unavailable: block
                  limits:
                    rpm: {rate: %d, per: minute}
                entities:
                  acme: {display_name: Acme}
                  acme-search: {parent: acme, cascade: true}
                """.formatted(namespace, rpm);
    }

    /** Writes {@code text} to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
