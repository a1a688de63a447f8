package dev.limiter.benchmarks;

import dev.limiter.Limit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The window bound of a load benchmark, checked from recorded grants: over any window {@code [t1, t2]} a limit admits
 * at most {@code capacity + floor(rate · (t2 − t1 + slack))} tokens, where the slack is 0 for exact charges and the
 * longest hold of a local allowance when a local tier serves the limit (issue 10).
 *
 * <p>Every grant was admitted at some instant inside the wall-clock interval its caller observed around the acquire;
 * a window is only charged with the grants whose whole interval lies inside it, so a violation counted here is a
 * real over-admission (the check can miss some, never invent one). Every grant's start is tried as {@code t1} and
 * every later end as {@code t2}: quadratic in the grants, which bounded runs keep to a few thousand.
 */
final class AdmissionWindows {

    private AdmissionWindows() {
    }

    /**
     * How many grants start a window that holds more grants of one token each than the bound allows.
     *
     * @param intervals  each grant's {@code {startNanos, endNanos}}
     * @param limit      the limit whose capacity and rate bound the windows
     * @param slackNanos how much longer than the window the rate may refill over (0 for the plain bound)
     * @return the number of grant starts that open a violating window, 0 when the bound holds
     */
    static long violations(List<long[]> intervals, Limit limit, long slackNanos) {
        long[][] byEnd = intervals.toArray(long[][]::new);
        Arrays.sort(byEnd, Comparator.comparingLong(interval -> interval[1]));
        long violating = 0;
        for (long[] opening : intervals) {
            long t1 = opening[0];
            long inside = 0;
            for (int j = firstEndingAtOrAfter(byEnd, t1); j < byEnd.length; j++) {
                if (byEnd[j][0] < t1) {
                    continue;
                }
                inside++;
                long allowed = limit.capacity() + limit.tokensFor(byEnd[j][1] - t1 + slackNanos);
                if (inside > allowed) {
                    violating++;
                    break;
                }
            }
        }
        return violating;
    }

    /** The first index of {@code byEnd} (sorted by end) whose end is at or after {@code nanos}. */
    private static int firstEndingAtOrAfter(long[][] byEnd, long nanos) {
        int low = 0;
        int high = byEnd.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (byEnd[middle][1] < nanos) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
