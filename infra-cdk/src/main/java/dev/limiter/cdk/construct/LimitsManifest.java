package dev.limiter.cdk.construct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a limits manifest at synthesis time, so the template carries its text and every change to the file
 * becomes an update of the custom resource.
 */
final class LimitsManifest {

    /**
     * Largest manifest, in bytes. CloudFormation invokes the provisioner asynchronously (event payloads up to
     * 256 KB) and an update carries the manifest twice, as new and old properties.
     */
    static final int MAX_BYTES = 100 * 1024;

    private LimitsManifest() {
    }

    /**
     * The manifest's text.
     *
     * @throws IllegalArgumentException if the file is missing, empty, larger than {@link #MAX_BYTES} or not UTF-8
     * @throws UncheckedIOException     if the file cannot be read
     */
    static String read(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("limitsFile " + absolute + " does not exist or is not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("limitsFile " + absolute + " cannot be read", e);
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("limitsFile " + absolute + " has " + bytes.length
                    + " bytes: must have 1 to " + MAX_BYTES);
        }
        try {
            // A fresh decoder reports malformed input instead of replacing it.
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("limitsFile " + absolute + " is not valid UTF-8", e);
        }
    }
}
