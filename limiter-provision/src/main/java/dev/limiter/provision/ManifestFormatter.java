package dev.limiter.provision;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Canonical formatting of a limits file ({@code limiter limits fmt}): the file is parsed and written back by
 * {@link ManifestWriter}, so the result is the one form every equal file shares (sorted, flow-style limits, the
 * shortest duration units, quoting only where YAML needs it) and parses back into an equal manifest.
 *
 * <p>The writer works from the file's meaning, not its text, so it cannot carry comments over; a file with comments
 * is refused, naming each comment's line, rather than silently stripped.
 */
public final class ManifestFormatter {

    /**
     * A formatted file.
     *
     * @param text    the canonical text
     * @param changed whether it differs from the input
     */
    public record Formatted(String text, boolean changed) {
    }

    private ManifestFormatter() {
    }

    /**
     * The canonical form of {@code text}, naming {@code file} in messages.
     *
     * @throws ManifestException with every error of the file, or one per comment the formatting would drop
     */
    public static Formatted format(String text, String file) {
        LimitsManifest manifest = ManifestParser.parse(text, file);
        List<ManifestProblem> comments = comments(text, file);
        if (!comments.isEmpty()) {
            throw new ManifestException(comments);
        }
        String canonical = ManifestWriter.toYaml(manifest);
        return new Formatted(canonical, !canonical.equals(text));
    }

    /** An error at every comment of {@code text} (which has parsed already, so scanning it succeeds). */
    private static List<ManifestProblem> comments(String text, String file) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setParseComments(true).build();
        ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
        List<ManifestProblem> problems = new ArrayList<>();
        try {
            while (scanner.hasNext()) {
                Token token = scanner.next();
                if (token instanceof CommentToken comment) {
                    SourcePosition at = comment.getStartMark()
                            .map(mark -> new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1))
                            .orElse(SourcePosition.unknown(file));
                    problems.add(ManifestProblem.error(at, "comment '# " + comment.getValue().strip() + "': fmt "
                            + "rewrites the file from its content and would drop it; move it out or leave the file "
                            + "unformatted"));
                }
            }
        } catch (YamlEngineException unreachable) {
            // the text parsed above; a scanner failure here leaves the comments found so far
        }
        return problems;
    }
}
