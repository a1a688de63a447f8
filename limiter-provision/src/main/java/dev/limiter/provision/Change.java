package dev.limiter.provision;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step of a plan.
 *
 * @param action   create, update or delete
 * @param resource the desired resource (create, update) or the live one to remove (delete)
 * @param before   attributes now ({@code {}} for a create)
 * @param after    attributes after the step ({@code {}} for a delete)
 */
public record Change(Action action, Resource resource, Map<String, String> before, Map<String, String> after) {

    /** What a change does. */
    public enum Action {
        /** Write a resource the table lacks. */
        CREATE,
        /** Rewrite a resource whose attributes differ. */
        UPDATE,
        /** Remove a resource a limits file created and no longer declares. */
        DELETE
    }

    /** Copies the attribute maps, sorted by name. */
    public Change {
        before = Collections.unmodifiableMap(new TreeMap<>(before));
        after = Collections.unmodifiableMap(new TreeMap<>(after));
    }

    /** The resource's address. */
    public String address() {
        return resource.address();
    }
}
