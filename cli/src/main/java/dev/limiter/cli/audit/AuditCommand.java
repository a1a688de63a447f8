package dev.limiter.cli.audit;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.cli.output.TextTable;
import dev.limiter.dynamodb.audit.AuditEntry;
import dev.limiter.dynamodb.audit.AuditLog;
import dev.limiter.dynamodb.audit.AuditPage;
import dev.limiter.dynamodb.audit.AuditQuery;
import dev.limiter.internal.Futures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code limiter audit}: who changed which limits, entities and settings of a namespace, when, how and why. */
@Command(
        name = "audit",
        sortOptions = false,
        description = {
            "Lists recorded changes to limits, entities and settings, newest first.",
            "%nEvery change made by 'limits apply', the provisioner, 'entity' commands or the library's configs() and "
                + "entities() is recorded in the table with who (the AWS principal, or --actor), when, the "
                + "attributes before and after, and why (--reason). Entries expire through the table's TTL after "
                + "their retention (400 days by default). Unreadable stored entries are reported and exit 1.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter audit                                 the last 30 days",
            "  limiter audit --since 2026-03-01 --address entity.acme",
            "  limiter audit --by arn:aws:iam::123456789012:user/ops -o json",
            "  limiter limits apply -f limits.yaml --reason \"OPS-123: raise acme\""
        })
public final class AuditCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Option(names = "--since", paramLabel = "TIME", converter = SinceConverter.class, defaultValue = "30d",
            description = "Earliest change: an ISO time, a UTC date or a duration ago, e.g. 24h, 7d (default: 30d).")
    private Bound since;

    @Option(names = "--until", paramLabel = "TIME", converter = SinceConverter.class,
            description = "Latest change, exclusive (default: now).")
    private Bound until;

    @Option(names = "--address", paramLabel = "PREFIX", defaultValue = "",
            description = "Only addresses starting with this, e.g. entity.acme or limits.resource.gpt-4o.")
    private String address;

    @Option(names = "--by", paramLabel = "ACTOR", defaultValue = "", description = "Only changes by this actor.")
    private String by;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N entries (default: 100).")
    private int limit;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public AuditCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() {
        Instant now = InstantSource.system().instant();
        AuditQuery query;
        try {
            query = new AuditQuery(since.resolve(now), until == null ? now.plusSeconds(1) : until.resolve(now),
                    address, by, limit);
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage(), invalid);
        }
        AuditPage page;
        try (TableConnection table = backend.connect()) {
            page = Futures.join(AuditLog.list(table.backend().client(), table.tableName(), backend.namespace(), query));
        }
        Terminal terminal = globals.terminal();
        if (globals.json()) {
            JsonOutput.print(terminal, document(page));
        } else {
            print(terminal, page);
        }
        page.corrupt().forEach(message -> terminal.err().println(spec.qualifiedName() + ": error: " + message));
        return page.corrupt().isEmpty() ? ExitCode.OK : ExitCode.ERROR;
    }

    private void print(Terminal terminal, AuditPage page) {
        if (page.entries().isEmpty()) {
            terminal.out().println("No changes recorded in namespace '" + backend.namespace() + "' in that time.");
            return;
        }
        TextTable table = new TextTable(List.of(TextTable.Column.left("TIME"), TextTable.Column.left("ACTOR"),
                TextTable.Column.left("ACTION"), TextTable.Column.left("ADDRESS"), TextTable.Column.left("CHANGES"),
                TextTable.Column.left("REASON")));
        for (AuditEntry entry : page.entries()) {
            table.add(List.of(entry.at().toString(), entry.actor(), entry.action(), entry.address(), changes(entry),
                    entry.reason()));
        }
        table.render().forEach(terminal.out()::println);
    }

    /** {@code rpm.capacity: 100 -> 250, parent: + acme}: the attributes that differ. */
    static String changes(AuditEntry entry) {
        TreeSet<String> names = new TreeSet<>(entry.before().keySet());
        names.addAll(entry.after().keySet());
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String before = entry.before().get(name);
            String after = entry.after().get(name);
            if (before == null) {
                parts.add(name + ": + " + after);
            } else if (after == null) {
                parts.add(name + ": - " + before);
            } else if (!before.equals(after)) {
                parts.add(name + ": " + before + " -> " + after);
            }
        }
        return String.join(", ", parts);
    }

    private Map<String, Object> document(AuditPage page) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("namespace", backend.namespace());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (AuditEntry entry : page.entries()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("at", entry.at().toString());
            json.put("actor", entry.actor());
            json.put("source", entry.source());
            json.put("action", entry.action());
            json.put("address", entry.address());
            json.put("before", entry.before());
            json.put("after", entry.after());
            json.put("reason", entry.reason());
            entries.add(json);
        }
        document.put("entries", entries);
        document.put("corrupt", page.corrupt());
        return document;
    }
}
