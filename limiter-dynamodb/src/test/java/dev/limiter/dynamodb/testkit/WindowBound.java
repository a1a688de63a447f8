package dev.limiter.dynamodb.testkit;

import dev.limiter.Limit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The admission bound of one limit over every window of recorded grants: the tokens granted inside any window
 * {@code [t1, t2]} are at most {@code capacity + rate * (t2 - t1 + slack)}.
 *
 * <p>Sound for any schedule: a grant was admitted at some instant inside its recorded interval, so a window is only
 * charged with the grants whose whole interval lies inside it. The check can therefore miss an over-admission that
 * hides in the recording jitter, never report one that did not happen; it needs no timing assumption. Every grant's
 * start is tried as {@code t1} and every later end as {@code t2}: O(n² log n), fine for a few thousand grants.
 *
 * @param limit      the limit whose bound is checked
 * @param slackNanos widens every window: 0 for the exact path, the longest hold of an allowance for the local tier
 */
public record WindowBound(Limit limit, long slackNanos) {

    /** One window that held more than the bound allows. */
    public record Violation(long fromNanos, long toNanos, long granted, long allowed) {
    }

    /** Validates the slack. */
    public WindowBound {
        if (slackNanos < 0) {
            throw new IllegalArgumentException("slackNanos must be at least 0, was " + slackNanos);
        }
    }

    /** The most tokens the bound allows in a window of {@code windowNanos}. */
    public long allowed(long windowNanos) {
        return limit.capacity() + limit.tokensFor(windowNanos + slackNanos);
    }

    /** For each window start that opens a violating window, the first (shortest) such window. */
    public List<Violation> violations(List<Grant> grants) {
        Grant[] byStart = grants.toArray(Grant[]::new);
        Arrays.sort(byStart, Comparator.comparingLong(Grant::startNanos));
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < byStart.length; i++) {
            long from = byStart[i].startNanos();
            Grant[] later = Arrays.copyOfRange(byStart, i, byStart.length);
            Arrays.sort(later, Comparator.comparingLong(Grant::endNanos));
            long granted = 0;
            for (Grant grant : later) {
                granted += grant.amount();
                long allowed = allowed(grant.endNanos() - from);
                if (granted > allowed) {
                    found.add(new Violation(from, grant.endNanos(), granted, allowed));
                    break;
                }
            }
        }
        return found;
    }
}
