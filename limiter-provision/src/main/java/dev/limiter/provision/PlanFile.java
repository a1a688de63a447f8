package dev.limiter.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A saved plan ({@code plan --out FILE}): the limits file's text, the target, the live fingerprint the plan was
 * computed against and the changes, as JSON. Applying it re-plans the same text against the table, refuses if the
 * table changed since (the fingerprint differs), and otherwise applies exactly the saved changes.
 *
 * @param format          file format version
 * @param namespace       the namespace
 * @param table           the table the plan was made against
 * @param manifestFile    the limits file's name, for messages
 * @param manifest        the limits file's text
 * @param manifestSha256  the text's SHA-256
 * @param target          the {@code --target}, or empty
 * @param liveFingerprint the live state's fingerprint when planned
 * @param changes         the changes, for review and comparison
 */
public record PlanFile(int format, String namespace, String table, String manifestFile, String manifest,
                       String manifestSha256, String target, String liveFingerprint, List<SavedChange> changes) {

    /** The current format. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One saved change.
     *
     * @param action  create, update or delete
     * @param address the resource address
     * @param before  attributes before
     * @param after   attributes after
     */
    public record SavedChange(String action, String address, Map<String, String> before, Map<String, String> after) {
    }

    /** Captures {@code plan}, made from {@code manifestText} against {@code table}. */
    public static PlanFile of(Plan plan, String table, String manifestFile, String manifestText, Optional<Target> target) {
        return new PlanFile(FORMAT, plan.namespace(), table, manifestFile, manifestText, sha256(manifestText),
                target.map(Target::toString).orElse(""), plan.liveFingerprint(),
                plan.changes().stream().map(PlanFile::saved).toList());
    }

    /** The saved form of a change, for comparisons. */
    public static SavedChange saved(Change change) {
        return new SavedChange(change.action().name().toLowerCase(), change.address(), change.before(), change.after());
    }

    /** The saved target, if any. */
    public Optional<Target> parsedTarget() {
        return target.isEmpty() ? Optional.empty() : Optional.of(Target.parse(target));
    }

    /** Writes the plan to {@code file}. */
    public void save(Path file) {
        try {
            Files.writeString(file, JSON.writeValueAsString(this), StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            Path parent = file.toAbsolutePath().getParent();
            throw new UncheckedIOException("cannot write plan file " + file + ": directory " + parent
                    + " does not exist (create it first, or choose another --out)", missing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plan file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a plan file.
     *
     * @throws IllegalArgumentException if it is missing, not a plan file of this format, or was edited
     */
    public static PlanFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new IllegalArgumentException("cannot read plan file " + file + ": no such file", missing);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plan file " + file + ": " + e.getMessage(), e);
        }
        PlanFile plan;
        try {
            plan = JSON.readValue(text, PlanFile.class);
        } catch (JsonProcessingException notAPlan) {
            // Jackson's own text quotes the input (redacted) and its Java types: neither helps here.
            throw new IllegalArgumentException(file + " is not a plan file saved by 'limiter limits plan --out'"
                    + (text.contains("namespace:") ? ": it looks like a limits file; apply it with -f " + file
                    : ""), notAPlan);
        }
        if (plan.format() != FORMAT) {
            throw new IllegalArgumentException(file + " has plan format " + plan.format() + "; this limiter reads "
                    + FORMAT + ": plan again");
        }
        if (!sha256(plan.manifest()).equals(plan.manifestSha256())) {
            throw new IllegalArgumentException(file + " was modified after it was saved: plan again");
        }
        return plan;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }
}
