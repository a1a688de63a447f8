package dev.limiter.cli.usage;

import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.dynamodb.usage.PollResult;
import dev.limiter.dynamodb.usage.RecordFailure;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a run of {@code limiter aggregate}: a line per poll and a line per failed record, then a summary. With
 * {@code --output json} the poll lines go to stderr and the summary is one JSON document on stdout.
 */
final class PollView {

    private final Terminal terminal;
    private final boolean json;
    private final String table;
    private final String streamArn;
    private final String from;

    PollView(Terminal terminal, boolean json, String table, String streamArn, String from) {
        this.terminal = terminal;
        this.json = json;
        this.table = table;
        this.streamArn = streamArn;
        this.from = from;
    }

    void started(boolean follow) {
        lines().println("Aggregating stream " + streamArn + " of table '" + table + "' from " + from
                + (follow ? "; Ctrl-C stops" : ""));
        lines().flush();
    }

    void poll(int number, PollResult poll) {
        PrintWriter out = lines();
        out.println("poll " + number + ": " + poll.records() + " records, " + poll.aggregation().counted()
                + " counted, " + poll.aggregation().snapshotsWritten() + " snapshots written, "
                + poll.aggregation().snapshotsAlreadyApplied() + " duplicates skipped, "
                + poll.aggregation().failures().size() + " failures" + (poll.caughtUp() ? ", caught up" : ""));
        Set<String> abandoned = poll.abandoned().stream().map(RecordFailure::sequenceNumber)
                .collect(Collectors.toSet());
        for (RecordFailure failure : poll.aggregation().failures()) {
            if (!abandoned.contains(failure.sequenceNumber())) {
                out.println("  record " + failure.sequenceNumber() + " failed, retried by the next poll: "
                        + failure.reason());
            }
        }
        for (RecordFailure failure : poll.abandoned()) {
            out.println("  record " + failure.sequenceNumber() + " abandoned: " + failure.reason());
        }
        out.flush();
    }

    void finished(AggregateOutcome outcome, AggregateTally tally) {
        if (json) {
            JsonOutput.print(terminal, document(outcome, tally));
            return;
        }
        terminal.out().println(outcome.text() + ": " + tally.polls() + (tally.polls() == 1 ? " poll, " : " polls, ")
                + tally.records() + " records, " + tally.counted() + " counted, " + tally.snapshotsWritten()
                + " snapshots written, " + tally.duplicatesSkipped() + " duplicates skipped, " + tally.failures()
                + " failures, " + tally.abandoned().size() + " abandoned.");
        terminal.out().flush();
    }

    private Map<String, Object> document(AggregateOutcome outcome, AggregateTally tally) {
        List<Map<String, Object>> abandoned = new ArrayList<>();
        for (RecordFailure failure : tally.abandoned()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sequence_number", failure.sequenceNumber());
            entry.put("reason", failure.reason());
            abandoned.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("table", table);
        document.put("stream", streamArn);
        document.put("from", from);
        document.put("outcome", outcome.code());
        document.put("caught_up", tally.caughtUp());
        document.put("polls", tally.polls());
        document.put("records", tally.records());
        document.put("counted", tally.counted());
        document.put("snapshots_written", tally.snapshotsWritten());
        document.put("duplicates_skipped", tally.duplicatesSkipped());
        document.put("failures", tally.failures());
        document.put("abandoned", abandoned);
        return document;
    }

    /** Where progress lines go: stdout, or stderr when stdout carries the JSON document. */
    private PrintWriter lines() {
        return json ? terminal.err() : terminal.out();
    }
}
