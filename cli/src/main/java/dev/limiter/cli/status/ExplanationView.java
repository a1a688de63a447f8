package dev.limiter.cli.status;

import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.cli.output.TextTable;
import dev.limiter.config.Explanation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders an {@link Explanation}: per bucket, each effective limit, where it came from and its live state. */
final class ExplanationView {

    private final Terminal terminal;

    ExplanationView(Terminal terminal) {
        this.terminal = terminal;
    }

    void print(Explanation explanation, boolean json) {
        if (json) {
            JsonOutput.print(terminal, document(explanation));
            return;
        }
        terminal.out().println("Limits of entity '" + explanation.entity() + "' for resource '"
                + explanation.resource() + "' in namespace '" + explanation.namespace() + "':");
        boolean any = false;
        for (int i = 0; i < explanation.buckets().size(); i++) {
            Explanation.Bucket bucket = explanation.buckets().get(i);
            any |= !bucket.limits().isEmpty();
            terminal.out().println();
            terminal.out().println(terminal.bold(bucket.entity()) + (i == 0 ? "" : " (charged by cascade)"));
            printBucket(bucket);
        }
        if (!any) {
            terminal.out().println();
            terminal.out().println("No limits apply: acquires are granted unless the request carries limits.");
        }
        if (explanation.buckets().stream().flatMap(b -> b.limits().stream())
                .anyMatch(l -> l.limit().local().enabled())) {
            terminal.out().println();
            terminal.out().println(LocalAllowanceView.NOT_HELD_HERE);
        }
    }

    private void printBucket(Explanation.Bucket bucket) {
        if (!bucket.limits().isEmpty()) {
            TextTable table = new TextTable(List.of(TextTable.Column.left("limit"), TextTable.Column.left("rate"),
                    TextTable.Column.left("from"), TextTable.Column.right("available"), TextTable.Column.right("debt"),
                    TextTable.Column.right("full in")));
            for (Explanation.LimitExplanation limit : bucket.limits()) {
                table.add(List.of(limit.limit().name(),
                        Units.rate(limit.limit()) + (limit.shadow() ? " (shadow)" : ""), Units.level(limit.source()),
                        Long.toString(limit.available()), Long.toString(limit.debt()),
                        Units.duration(limit.timeToFull())));
            }
            table.render().forEach(line -> terminal.out().println("  " + line));
            bucket.limits().stream().map(Explanation.LimitExplanation::limit).filter(l -> l.local().enabled())
                    .forEach(limit -> terminal.out().println("  " + LocalAllowanceView.line(limit)));
        }
        bucket.unlimited().forEach((name, level) -> terminal.out().println("  " + name + ": unlimited (set at "
                + Units.level(level) + ")"));
        if (bucket.limits().isEmpty() && bucket.unlimited().isEmpty()) {
            terminal.out().println("  no limits");
        }
    }

    private static Map<String, Object> document(Explanation explanation) {
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (Explanation.Bucket bucket : explanation.buckets()) {
            List<Map<String, Object>> limits = new ArrayList<>();
            for (Explanation.LimitExplanation limit : bucket.limits()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", limit.limit().name());
                entry.put("capacity", limit.limit().capacity());
                entry.put("refill_amount", limit.limit().refillAmount());
                entry.put("refill_period", Units.period(limit.limit().refillPeriod()));
                entry.put("source", Units.level(limit.source()));
                entry.put("shadow", limit.shadow());
                entry.put("local", LocalAllowanceView.document(limit.limit()));
                entry.put("available", limit.available());
                entry.put("debt", limit.debt());
                entry.put("time_to_full_ms", limit.timeToFull().toMillis());
                entry.put("consumed", limit.consumed());
                limits.add(entry);
            }
            Map<String, Object> unlimited = new LinkedHashMap<>();
            bucket.unlimited().forEach((name, level) -> unlimited.put(name, Units.level(level)));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("entity", bucket.entity());
            entry.put("limits", limits);
            entry.put("unlimited", unlimited);
            buckets.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("namespace", explanation.namespace());
        document.put("entity", explanation.entity());
        document.put("resource", explanation.resource());
        document.put("buckets", buckets);
        return document;
    }
}
