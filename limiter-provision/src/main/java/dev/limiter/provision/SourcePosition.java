package dev.limiter.provision;

/**
 * A place in a limits file, 1-based, for messages such as {@code limits.yaml:12:5}.
 *
 * @param file   the file name as given by the user
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourcePosition(String file, int line, int column) {

    /** A position for content that has no file (e.g. a manifest passed inline). */
    public static SourcePosition unknown(String file) {
        return new SourcePosition(file, 0, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
