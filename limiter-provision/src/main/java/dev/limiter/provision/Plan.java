package dev.limiter.provision;

import java.util.List;

/**
 * The changes that bring a namespace in line with a limits file, computed against a live state.
 *
 * @param namespace       the namespace
 * @param liveFingerprint the {@link LiveState#fingerprint()} the plan was computed against
 * @param changes         in the order they are applied
 * @param blockers        why the plan must not be applied as it stands (empty when it may be)
 */
public record Plan(String namespace, String liveFingerprint, List<Change> changes, List<Blocker> blockers) {

    /**
     * A change the plan refuses to make, with the way forward.
     *
     * @param address the resource the blocked change would touch
     * @param message what blocks it and how to resolve it
     */
    public record Blocker(String address, String message) {
    }

    /** Copies the lists. */
    public Plan {
        changes = List.copyOf(changes);
        blockers = List.copyOf(blockers);
    }

    /** A plan without blockers. */
    public Plan(String namespace, String liveFingerprint, List<Change> changes) {
        this(namespace, liveFingerprint, changes, List.of());
    }

    /** Whether a blocker forbids applying the plan. */
    public boolean isBlocked() {
        return !blockers.isEmpty();
    }

    /** Whether nothing needs to change. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** How many resources the plan creates. */
    public long toAdd() {
        return count(Change.Action.CREATE);
    }

    /** How many resources the plan updates. */
    public long toChange() {
        return count(Change.Action.UPDATE);
    }

    /** How many resources the plan deletes. */
    public long toDestroy() {
        return count(Change.Action.DELETE);
    }

    /** Terraform's summary line, e.g. {@code Plan: 2 to add, 1 to change, 0 to destroy.} */
    public String summary() {
        return isEmpty() ? "No changes."
                : "Plan: " + toAdd() + " to add, " + toChange() + " to change, " + toDestroy() + " to destroy.";
    }

    private long count(Change.Action action) {
        return changes.stream().filter(change -> change.action() == action).count();
    }
}
