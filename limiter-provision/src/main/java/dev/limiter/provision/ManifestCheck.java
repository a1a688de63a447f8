package dev.limiter.provision;

import dev.limiter.internal.Require;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A limits file parsed and linted once: its manifest, unless it did not parse, and every problem in file order.
 *
 * @param manifest the parsed file; empty when its YAML or structure has errors
 * @param problems every error and warning, sorted into file order
 */
public record ManifestCheck(Optional<LimitsManifest> manifest, List<ManifestProblem> problems) {

    /** Sorts {@code problems} into file order. */
    public ManifestCheck {
        Require.nonNull("manifest", manifest);
        problems = Require.nonNull("problems", problems).stream().sorted(ManifestProblem.BY_POSITION).toList();
    }

    /**
     * Parses {@code text} and lints with {@code linter} whatever parsed, so that a read error (a bad limit, a
     * self-parent) never hides a cycle, depth or parent problem elsewhere in the file.
     */
    static ManifestCheck of(ManifestLinter linter, String text, String file) {
        ManifestParser.Partial parsed = ManifestParser.parsePartly(text, file);
        List<ManifestProblem> problems = new ArrayList<>(parsed.problems());
        parsed.manifest().ifPresent(manifest -> problems.addAll(linter.lint(manifest, file)));
        boolean readErrors = parsed.problems().stream().anyMatch(ManifestProblem::isError);
        return new ManifestCheck(readErrors ? Optional.empty() : parsed.manifest(), problems);
    }

    /** How many problems are errors. */
    public long errors() {
        return problems.stream().filter(ManifestProblem::isError).count();
    }

    /** The warnings, in file order. */
    public List<ManifestProblem> warnings() {
        return problems.stream().filter(problem -> !problem.isError()).toList();
    }

    /**
     * The manifest, when the file has no errors (warnings alone do not fail).
     *
     * @throws ManifestException listing every problem, if the file has errors
     */
    public LimitsManifest manifestOrThrow() {
        if (manifest.isEmpty() || errors() > 0) {
            throw new ManifestException(problems);
        }
        return manifest.get();
    }
}
