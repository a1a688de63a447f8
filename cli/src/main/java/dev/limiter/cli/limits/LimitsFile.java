package dev.limiter.cli.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A limits file as read from disk.
 *
 * @param name the path as the user wrote it, for messages such as {@code limits.yaml:12:5}
 * @param text the file's content
 */
record LimitsFile(String name, String text) {

    /**
     * Reads {@code path} as UTF-8.
     *
     * @throws UncheckedIOException if it cannot be read, with a message naming it
     */
    static LimitsFile read(Path path) {
        try {
            return new LimitsFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException missing) {
            throw new UncheckedIOException("cannot read limits file " + path + ": no such file", missing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read limits file " + path + ": " + e.getMessage(), e);
        }
    }
}
