package dev.limiter.cli.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a demo: totals, one row per entity, and one bound check per entity and limit.
 *
 * @param totals  the final counters
 * @param rows    per entity, org first, each team followed by its users
 * @param checks  per entity and limit
 * @param elapsed from before the first call to after the final state was read
 */
public record DemoReport(Progress totals, List<EntityRow> rows, List<LimitCheck> checks, Duration elapsed) {

    /** Copies the lists. */
    public DemoReport {
        rows = List.copyOf(rows);
        checks = List.copyOf(checks);
    }

    /** Whether every bound holds: no limit let through more than it allows. */
    public boolean holds() {
        return checks.stream().allMatch(LimitCheck::holds);
    }

    /** The checks that failed, in order. */
    public List<LimitCheck> failures() {
        List<LimitCheck> failed = new ArrayList<>();
        for (LimitCheck check : checks) {
            if (!check.holds()) {
                failed.add(check);
            }
        }
        return failed;
    }

    /** The check closest to its bound, if there are checks. */
    public Optional<LimitCheck> tightest() {
        return checks.stream().max(Comparator.comparingDouble(LimitCheck::utilisation));
    }
}
