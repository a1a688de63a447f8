package dev.limiter.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the end of a process log file, for error messages. */
final class LogTail {

    /** How much output an error message quotes, in bytes. */
    static final int MAX_BYTES = 4_000;

    private LogTail() {
    }

    /** Returns up to {@link #MAX_BYTES} bytes from the end of the file, or a note saying why there are none. */
    static String of(Path file) {
        if (!Files.isRegularFile(file)) {
            return "(no output: " + file + " does not exist)";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - MAX_BYTES);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(no output)" : text;
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
