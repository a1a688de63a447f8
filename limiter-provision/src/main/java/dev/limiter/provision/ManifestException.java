package dev.limiter.provision;

import java.util.List;
import java.util.stream.Collectors;

/** A limits file has errors; {@link #problems()} lists every one, each with its position. */
public final class ManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ManifestProblem> problems;

    /** Creates the exception for {@code problems} (at least one), sorted into file order. */
    public ManifestException(List<ManifestProblem> problems) {
        super(sorted(problems).stream().map(ManifestProblem::toString)
                .collect(Collectors.joining(System.lineSeparator())));
        this.problems = sorted(problems);
    }

    private static List<ManifestProblem> sorted(List<ManifestProblem> problems) {
        return problems.stream().sorted(ManifestProblem.BY_POSITION).toList();
    }

    /** Every problem found, errors and warnings, in file order. */
    public List<ManifestProblem> problems() {
        return problems;
    }
}
