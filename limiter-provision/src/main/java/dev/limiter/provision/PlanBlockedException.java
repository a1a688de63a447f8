package dev.limiter.provision;

import java.util.stream.Collectors;

/** A plan has {@link Plan#blockers() blockers}, so nothing of it was applied; the message lists each. */
public final class PlanBlockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for {@code plan}, which has at least one blocker. */
    public PlanBlockedException(Plan plan) {
        super("the plan cannot be applied, nothing was changed: " + plan.blockers().stream()
                .map(Plan.Blocker::message).collect(Collectors.joining("; and ")));
    }
}
