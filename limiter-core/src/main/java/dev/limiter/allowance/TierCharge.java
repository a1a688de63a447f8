package dev.limiter.allowance;

import dev.limiter.backend.ChargeOutcome;
import dev.limiter.internal.Require;

import java.util.Optional;

/**
 * What the local tier made of one charge: the outcome, and the local grant when it was served from an allowance.
 * Used by {@code dev.limiter}'s acquire path; not meant for applications.
 *
 * @param outcome       the outcome; for a local grant, granted with the estimated shared state
 * @param grant         the local grant, which settles the lease's adjustments; empty when charged to the shared bucket
 * @param judgedAtNanos when the charge was judged: the acquire's arrival, or later when it waited for a reservation
 */
public record TierCharge(ChargeOutcome outcome, Optional<LocalGrant> grant, long judgedAtNanos) {

    /** Validates the components. */
    public TierCharge {
        Require.nonNull("outcome", outcome);
        Require.nonNull("grant", grant);
    }
}
