package dev.limiter.cli.usage;

import dev.limiter.dynamodb.usage.UsageReader;
import dev.limiter.dynamodb.usage.UsageSnapshot;
import dev.limiter.dynamodb.usage.UsageWindow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One {@code limiter usage} question: the windows of one kind overlapping {@code [since, until)} of a selection in
 * a namespace.
 *
 * @param namespace the namespace
 * @param selection whose usage
 * @param window    hourly or daily
 * @param since     the first instant asked for; the listing starts at the window containing it
 * @param until     the end, exclusive
 */
record UsageQuery(String namespace, Selection selection, UsageWindow window, Instant since, Instant until) {

    /** Requires every field and {@code since} before {@code until}. */
    UsageQuery {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (!since.isBefore(until)) {
            throw new IllegalArgumentException("since " + since + " must be before until " + until);
        }
    }

    /** The start of the first window listed: the one containing {@link #since()}. */
    Instant firstWindowStart() {
        return window.startOf(since);
    }

    /** The snapshots of every window overlapping {@code [since, until)}, by start, then resource or entity. */
    List<UsageSnapshot> read(UsageReader reader) {
        // The reader selects windows by their start; starting at since's window also lists the one it falls in.
        return selection.read(reader, namespace, window, firstWindowStart(), until);
    }
}
