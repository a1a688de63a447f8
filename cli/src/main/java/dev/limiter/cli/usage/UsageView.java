package dev.limiter.cli.usage;

import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.cli.output.TextTable;
import dev.limiter.dynamodb.usage.UsageSnapshot;
import dev.limiter.dynamodb.usage.UsageWindow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders the answer to a {@link UsageQuery}: a table (window start, entity, resource, requests, one column per
 * limit), a JSON document, or {@link UsageChart}s.
 */
final class UsageView {

    private final Terminal terminal;

    UsageView(Terminal terminal) {
        this.terminal = terminal;
    }

    void table(UsageQuery query, List<UsageSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            none(query);
            return;
        }
        heading(query);
        List<String> limits = new ArrayList<>(limitNames(snapshots));
        List<TextTable.Column> columns = new ArrayList<>(List.of(TextTable.Column.left("window start"),
                TextTable.Column.left("entity"), TextTable.Column.left("resource"),
                TextTable.Column.right("requests")));
        limits.forEach(name -> columns.add(TextTable.Column.right(name)));
        TextTable table = new TextTable(columns);
        for (UsageSnapshot snapshot : snapshots) {
            List<String> cells = new ArrayList<>(List.of(snapshot.start().toString(), snapshot.entity(),
                    snapshot.resource(), Long.toString(snapshot.requests())));
            limits.forEach(name -> cells.add(Long.toString(snapshot.amount(name))));
            table.add(cells);
        }
        table.render().forEach(terminal.out()::println);
    }

    void chart(UsageQuery query, List<UsageSnapshot> snapshots, UsageChart.Measure measure) {
        if (snapshots.isEmpty()) {
            none(query);
            return;
        }
        heading(query);
        new UsageChart(query.window(), measure).draw(snapshots).forEach(terminal.out()::println);
    }

    void json(UsageQuery query, List<UsageSnapshot> snapshots) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("namespace", query.namespace());
        document.putAll(query.selection().fields());
        document.put("window", name(query.window()));
        document.put("since", seconds(query.firstWindowStart()));
        document.put("until", seconds(query.until()));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (UsageSnapshot snapshot : snapshots) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("start", snapshot.start().toString());
            entry.put("end", snapshot.end().toString());
            entry.put("entity", snapshot.entity());
            entry.put("resource", snapshot.resource());
            entry.put("requests", snapshot.requests());
            entry.put("amounts", new TreeMap<>(snapshot.amounts()));
            entries.add(entry);
        }
        document.put("snapshots", entries);
        JsonOutput.print(terminal, document);
    }

    private void none(UsageQuery query) {
        terminal.out().println("No usage of " + query.selection().subject() + " in namespace '" + query.namespace()
                + "' in " + name(query.window()) + " windows from " + seconds(query.firstWindowStart()) + " to "
                + seconds(query.until()) + ".");
        terminal.out().println("Snapshots are written by the aggregator: the Lambda on the table's stream, or "
                + "'limiter aggregate'.");
    }

    /** Two short lines, so that a chart's heading fits 80 columns too, then an empty line. */
    private void heading(UsageQuery query) {
        String window = name(query.window());
        terminal.out().println("Usage of " + query.selection().subject() + ", namespace '" + query.namespace()
                + "'");
        terminal.out().println(Character.toUpperCase(window.charAt(0)) + window.substring(1) + " windows from "
                + seconds(query.firstWindowStart()) + " to " + seconds(query.until()) + " (UTC):");
        terminal.out().println();
    }

    private static TreeSet<String> limitNames(List<UsageSnapshot> snapshots) {
        TreeSet<String> names = new TreeSet<>();
        snapshots.forEach(snapshot -> names.addAll(snapshot.amounts().keySet()));
        return names;
    }

    private static String name(UsageWindow window) {
        return window.name().toLowerCase(Locale.ROOT);
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
