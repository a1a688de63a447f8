package dev.limiter.cli.usage;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.dynamodb.usage.UsageReader;
import dev.limiter.dynamodb.usage.UsageSnapshot;
import dev.limiter.dynamodb.usage.UsageWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code limiter usage ENTITY [--resource R]} and {@code limiter usage --resource R}: the usage snapshots of an
 * entity, or of a resource across entities, in the hourly or daily windows overlapping {@code [since, until)}; as a
 * table, JSON or an ASCII chart.
 */
@Command(
        name = "usage",
        sortOptions = false,
        subcommands = ReplayCommand.class,
        description = {
            "Requests and tokens per hour or day, from the usage snapshots.",
            "%nLists the usage snapshots that the aggregator (the Lambda on the table's stream, or 'limiter "
                + "aggregate') wrote: per window, entity and resource, the requests granted and the net tokens of "
                + "each limit (charges and adjustments minus refunds). With ENTITY: that entity's usage, all "
                + "resources or --resource's; without: --resource's usage across entities. An ancestor charged by "
                + "cascade has snapshots of its own, which include its descendants' usage. Windows are UTC; every "
                + "window overlapping [--since, --until) is listed.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter usage acme-search --namespace llm-gateway",
            "  limiter usage acme --resource gpt-4o --window daily --since 7d",
            "  limiter usage --resource gpt-4o --since 2026-11-25 --until 2026-11-26",
            "  limiter usage acme --chart --limit tpm",
            "  limiter usage acme --since 2026-11-25T10:00:00Z --output json",
            "  limiter usage replay failures.json   (see 'limiter usage replay --help')"
        })
public final class UsageCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENTITY",
            description = "The entity; omit it to list --resource's usage across entities.")
    private String entity;

    @Option(names = "--resource", paramLabel = "RESOURCE", description = "Only this resource, e.g. a model name.")
    private String resource;

    @Option(names = "--window", paramLabel = "WINDOW", defaultValue = "hourly", converter = WindowConverter.class,
            description = "hourly or daily (UTC; default: hourly).")
    private UsageWindow window;

    @Option(names = "--since", paramLabel = "TIME", defaultValue = "24h", converter = TimeConverter.class,
            description = "Start: 2026-11-25T10:00:00Z, a date (2026-11-25, midnight UTC), or a duration ago "
                    + "(90m, 24h, 7d) (default: 24h).")
    private TimeArgument since;

    @Option(names = "--until", paramLabel = "TIME", defaultValue = "now", converter = TimeConverter.class,
            description = "End, exclusive; the same forms, or now (default: now).")
    private TimeArgument until;

    @Option(names = "--chart", description = "Draw an ASCII bar chart per entity and resource instead of a table.")
    private boolean chart;

    @Option(names = "--limit", paramLabel = "NAME",
            description = "With --chart: chart this limit's tokens (e.g. tpm) instead of requests.")
    private String limit;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public UsageCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() {
        UsageQuery query = query(InstantSource.system().instant());
        try (TableConnection table = backend.connect()) {
            List<UsageSnapshot> snapshots = query.read(UsageReader.create(table.backend().client(),
                    table.tableName()));
            UsageView view = new UsageView(globals.terminal());
            if (chart) {
                view.chart(query, snapshots, limit == null ? UsageChart.Measure.requests()
                        : UsageChart.Measure.limit(limit));
            } else if (globals.json()) {
                view.json(query, snapshots);
            } else {
                view.table(query, snapshots);
            }
        }
        return ExitCode.OK;
    }

    /** The question the options ask, with relative times resolved against {@code now}. */
    private UsageQuery query(Instant now) {
        if (limit != null && !chart) {
            throw usageError("--limit chooses what --chart draws: add --chart");
        }
        if (chart && globals.json()) {
            throw usageError("--chart draws text: it cannot be combined with --output " + globals.output());
        }
        Instant from = since.resolve(now);
        Instant to = until.resolve(now);
        if (!from.isBefore(to)) {
            throw usageError("--since (" + from + ") must be before --until (" + to + ")");
        }
        return new UsageQuery(backend.namespace(), selection(), window, from, to);
    }

    private Selection selection() {
        if (entity == null) {
            if (resource == null) {
                throw usageError("Missing ENTITY or --resource: name an entity, or a resource to list its usage "
                        + "across entities");
            }
            return new Selection.OfResource(resource);
        }
        return resource == null ? new Selection.OfEntity(entity) : new Selection.OfEntityResource(entity, resource);
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
