package dev.limiter.provision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the deletions a plan must not make: an entity deleted while an entity that stays after the plan still has
 * it as parent. {@code limiter entity delete} refuses the same thing; applied anyway, the child's cascade would keep
 * charging the deleted parent's bucket, {@code diff} would show no drift and {@code export} would write a file that
 * fails validation.
 */
final class Blockers {

    private Blockers() {
    }

    /**
     * The blockers of {@code changes} (already narrowed to the target) that bring {@code live} towards
     * {@code manifest}, one per deleted parent that keeps a child, in address order.
     */
    static List<Plan.Blocker> of(LimitsManifest manifest, LiveState live, List<Change> changes) {
        Map<String, Optional<String>> after = new TreeMap<>();
        live.resources().values().forEach(l -> {
            if (l.resource() instanceof Resource.EntityResource e) {
                after.put(e.entity().id(), e.entity().parent());
            }
        });
        List<String> deleted = new ArrayList<>();
        for (Change change : changes) {
            if (change.resource() instanceof Resource.EntityResource e) {
                if (change.action() == Change.Action.DELETE) {
                    after.remove(e.entity().id());
                    deleted.add(e.entity().id());
                } else {
                    after.put(e.entity().id(), e.entity().parent());
                }
            }
        }
        Map<String, List<String>> children = new HashMap<>();
        after.forEach((id, parent) -> parent.filter(deleted::contains)
                .ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(id)));
        Set<String> declared = new java.util.HashSet<>();
        manifest.entities().forEach(entity -> declared.add(entity.id()));
        List<Plan.Blocker> blockers = new ArrayList<>();
        for (String parent : deleted) {
            if (children.containsKey(parent)) {
                blockers.add(blocker(parent, children.get(parent), declared, live));
            }
        }
        return blockers;
    }

    private static Plan.Blocker blocker(String parent, List<String> children, Set<String> declared, LiveState live) {
        String child = children.get(0);
        String which = children.size() == 1 ? "entity '" + child + "'"
                : children.size() + " entities (" + String.join(", ", children.stream().limit(5).toList())
                        + (children.size() > 5 ? ", ..." : "") + ")";
        String reason;
        if (declared.contains(child)) {
            reason = "the file gives '" + child + "' another parent, but --target leaves that change out: widen or "
                    + "drop --target so the same apply moves it";
        } else if (live.resources().get("entity." + child).managed()) {
            reason = "the file no longer declares '" + child + "' either, but --target leaves its deletion out: "
                    + "drop --target so the same apply deletes it first";
        } else {
            reason = "the file does not manage '" + child + "': keep '" + parent + "' in the file, or declare '"
                    + child + "' in the file (with another parent, or none) to move it, or delete it first with "
                    + "'limiter entity delete " + child + "'";
        }
        return new Plan.Blocker("entity." + parent, "cannot destroy entity '" + parent + "': " + which
                + (children.size() == 1 ? " still has it as parent" : " still have it as parent") + " and would "
                + "keep charging it through cascade; " + reason);
    }
}
