package dev.limiter.provision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a limits file with the live state by value. A declared resource that is absent is created, one whose
 * attributes differ is updated; a live resource that a limits file created ({@link LiveState.Live#managed()}) and
 * that the file no longer declares is deleted. Live resources the file never managed are left alone.
 *
 * <p>Order: settings and entities (parents first) are written before configurations; deletions come last,
 * configurations before entities and children before parents, so a partly applied plan never leaves a configuration
 * pointing at a missing entity. Deleting an entity that another, staying entity still has as parent is a
 * {@link Plan.Blocker blocker}: the plan shows it and apply refuses.
 */
public final class Planner {

    private Planner() {
    }

    /** The plan that brings {@code live} in line with {@code manifest}, limited to {@code target} if given. */
    public static Plan plan(LimitsManifest manifest, LiveState live, Optional<Target> target) {
        List<Change> writes = new ArrayList<>();
        Map<String, Resource> desired = Resource.byAddress(manifest.resources());
        for (Resource resource : desired.values()) {
            LiveState.Live current = live.resources().get(resource.address());
            if (current == null) {
                writes.add(new Change(Change.Action.CREATE, resource, Map.of(), resource.attributes()));
            } else if (!current.resource().attributes().equals(resource.attributes())) {
                writes.add(new Change(Change.Action.UPDATE, resource, current.resource().attributes(),
                        resource.attributes()));
            }
        }
        List<Change> deletes = new ArrayList<>();
        for (LiveState.Live current : live.list()) {
            if (current.managed() && !desired.containsKey(current.resource().address())) {
                deletes.add(new Change(Change.Action.DELETE, current.resource(), current.resource().attributes(),
                        Map.of()));
            }
        }
        Map<String, Integer> depths = depths(manifest, live);
        writes.sort(Comparator.comparingInt((Change c) -> rank(c, depths)));
        deletes.sort(Comparator.comparingInt((Change c) -> -rank(c, depths)));
        List<Change> changes = new ArrayList<>(writes);
        changes.addAll(deletes);
        changes.removeIf(change -> target.isPresent() && !target.get().covers(change.address()));
        return new Plan(manifest.namespace(), live.fingerprint(), changes, Blockers.of(manifest, live, changes));
    }

    /** Settings first, then entities by depth, then configurations. */
    private static int rank(Change change, Map<String, Integer> depths) {
        if (change.resource() instanceof Resource.Settings) {
            return 0;
        }
        if (change.resource() instanceof Resource.EntityResource entity) {
            return 1 + depths.getOrDefault(entity.entity().id(), 0);
        }
        return 1_000;
    }

    /** Depth of every entity known to the file or the table (roots are 0). */
    private static Map<String, Integer> depths(LimitsManifest manifest, LiveState live) {
        Map<String, Optional<String>> parents = new HashMap<>();
        live.resources().values().forEach(l -> {
            if (l.resource() instanceof Resource.EntityResource e) {
                parents.put(e.entity().id(), e.entity().parent());
            }
        });
        manifest.entities().forEach(entity -> parents.put(entity.id(), entity.parent()));
        return depths(parents);
    }

    /**
     * Depth of every entity of {@code parents} (id to its parent): the parent links followed up to a root or to a
     * parent without an entry of its own, so roots are 0; a cycle stops after 100 links.
     */
    static Map<String, Integer> depths(Map<String, Optional<String>> parents) {
        Map<String, Integer> depths = new HashMap<>();
        for (String id : parents.keySet()) {
            int depth = 0;
            Optional<String> parent = parents.get(id);
            while (parent.isPresent() && depth < 100) {
                depth++;
                parent = parents.getOrDefault(parent.get(), Optional.empty());
            }
            depths.put(id, depth);
        }
        return depths;
    }
}
