package dev.limiter.cli.status;

import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.LimitStatus;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.cli.output.TextTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the outcome of a manual acquire: granted with the limits' state after the charge, or rejected. */
final class DecisionView {

    private final Terminal terminal;
    private final boolean json;

    DecisionView(Terminal terminal, boolean json) {
        this.terminal = terminal;
        this.json = json;
    }

    void granted(Lease lease) {
        if (json) {
            Map<String, Object> document = header("granted", lease.entity(), lease.resource());
            document.put("lease", lease.id());
            document.put("degraded", lease.isDegraded());
            document.put("statuses", statuses(lease.statuses()));
            JsonOutput.print(terminal, document);
            return;
        }
        terminal.out().println(terminal.green("GRANTED") + " entity '" + lease.entity() + "' resource '"
                + lease.resource() + "' (lease " + lease.id() + ", committed)");
        print(lease.statuses(), "available after");
    }

    void rejected(Decision.Rejected rejection) {
        if (json) {
            Map<String, Object> document = header("rejected", rejection.entity(), rejection.resource());
            document.put("retry_after_ms", rejection.retryAfter().toMillis());
            document.put("statuses", statuses(rejection.statuses()));
            JsonOutput.print(terminal, document);
            return;
        }
        terminal.out().println(terminal.red("REJECTED") + " entity '" + rejection.entity() + "' resource '"
                + rejection.resource() + "': retry after " + Units.duration(rejection.retryAfter())
                + "; nothing was charged");
        print(rejection.statuses(), "available");
    }

    private void print(List<LimitStatus> statuses, String availableHeader) {
        if (statuses.isEmpty()) {
            terminal.out().println("  no limits apply");
            return;
        }
        TextTable table = new TextTable(List.of(TextTable.Column.left("entity"), TextTable.Column.left("limit"),
                TextTable.Column.left("rate"), TextTable.Column.right("requested"),
                TextTable.Column.right(availableHeader), TextTable.Column.left("retry after")));
        for (LimitStatus status : statuses) {
            table.add(List.of(status.entity(), status.limitName(), Units.rate(status.limit()),
                    Long.toString(status.requested()), Long.toString(status.available()),
                    status.exceeded() ? Units.duration(status.retryAfter()) : "-"));
        }
        table.render().forEach(line -> terminal.out().println("  " + line));
    }

    private static Map<String, Object> header(String decision, String entity, String resource) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("decision", decision);
        document.put("entity", entity);
        document.put("resource", resource);
        return document;
    }

    private static List<Map<String, Object>> statuses(List<LimitStatus> statuses) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (LimitStatus status : statuses) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("entity", status.entity());
            entry.put("limit", status.limitName());
            entry.put("capacity", status.limit().capacity());
            entry.put("requested", status.requested());
            entry.put("available", status.available());
            entry.put("retry_after_ms", status.retryAfter().toMillis());
            entries.add(entry);
        }
        return entries;
    }
}
