package dev.limiter.provision;

import java.util.Comparator;

/**
 * One finding about a limits file.
 *
 * @param position where it is
 * @param severity {@link Severity#ERROR} blocks plan and apply; {@link Severity#WARNING} does not
 * @param message  what is wrong and how to fix it
 */
public record ManifestProblem(SourcePosition position, Severity severity, String message) {

    /** File order: by line, then column; problems at the same place keep their order in a stable sort. */
    public static final Comparator<ManifestProblem> BY_POSITION = Comparator
            .comparingInt((ManifestProblem problem) -> problem.position().line())
            .thenComparingInt(problem -> problem.position().column());

    /** How serious a finding is. */
    public enum Severity {
        /** The file cannot be applied. */
        ERROR,
        /** The file can be applied but probably does not do what was meant. */
        WARNING
    }

    /** An error at {@code position}. */
    public static ManifestProblem error(SourcePosition position, String message) {
        return new ManifestProblem(position, Severity.ERROR, message);
    }

    /** A warning at {@code position}. */
    public static ManifestProblem warning(SourcePosition position, String message) {
        return new ManifestProblem(position, Severity.WARNING, message);
    }

    /** Whether this blocks plan and apply. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return position + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
