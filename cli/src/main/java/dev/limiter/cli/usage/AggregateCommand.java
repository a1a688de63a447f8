package dev.limiter.cli.usage;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.DurationConverter;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.cli.output.Terminal;
import dev.limiter.dynamodb.usage.StartPosition;
import dev.limiter.dynamodb.usage.StreamPoller;
import dev.limiter.dynamodb.usage.UsageAggregator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code limiter aggregate [--follow]}: the usage aggregator without Lambda. Reads the table's stream with a
 * {@link StreamPoller}, writes the usage snapshots with a {@link UsageAggregator}, prints a line per poll, and ends
 * when caught up, after {@code --max-polls}, or on Ctrl-C (after the poll in progress). Exit 1 if a record had to
 * be abandoned.
 */
@Command(
        name = "aggregate",
        sortOptions = false,
        description = {
            "Counts the table's stream into usage snapshots, without Lambda.",
            "%nThe usage aggregator run locally: reads the table's DynamoDB stream and writes the hourly and daily "
                + "usage snapshots that 'limiter usage' lists, for every namespace of the table. Safe beside the Lambda and when repeated: each "
                + "snapshot records which stream records it counted and skips them. Prints one line per poll; ends when caught up, "
                + "or with --follow when stopped (Ctrl-C finishes the current poll first) or after --max-polls. A "
                + "record that fails 3 polls in a row is abandoned and printed; the exit code is then 1.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter aggregate",
            "  limiter aggregate --follow --interval 10s",
            "  limiter aggregate --from latest --follow --max-polls 60",
            "  limiter aggregate --output json"
        })
public final class AggregateCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Option(names = "--follow", description = "Keep polling until Ctrl-C or --max-polls, instead of ending when "
            + "caught up.")
    private boolean follow;

    @Option(names = "--interval", paramLabel = "TIME", defaultValue = "5s", converter = DurationConverter.class,
            description = "With --follow, the wait between polls, e.g. 500ms, 10s (default: 5s).")
    private Duration interval;

    @Option(names = "--from", paramLabel = "POSITION", defaultValue = "trim-horizon",
            converter = StartPositionConverter.class, description = "trim-horizon: every record still in the "
            + "stream (24 h); latest: only records written from now on (default: trim-horizon).")
    private StartPosition from;

    @Option(names = "--max-polls", paramLabel = "N", description = "Stop after N polls (default: no limit).")
    private Integer maxPolls;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public AggregateCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() {
        checkOptions();
        try (TableConnection table = backend.connect(); DynamoDbStreamsClient streams = table.openStreams()) {
            String streamArn = streamOf(table, streams);
            StopSignal signal = new StopSignal();
            StreamPoller poller = StreamPoller.builder(streams, streamArn,
                    UsageAggregator.create(table.backend().client(), table.tableName()))
                    .startPosition(from).sleeper(signal).build();
            Terminal terminal = globals.terminal();
            PollView view = new PollView(terminal, globals.json(), table.tableName(), streamArn,
                    from.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            return signal.runStoppable(() -> run(poller, signal, view, terminal));
        }
    }

    private int run(StreamPoller poller, StopSignal signal, PollView view, Terminal terminal) {
        view.started(follow);
        AggregateTally tally = new AggregateTally();
        poller.follow(follow ? interval : Duration.ZERO,
                () -> signal.stopped() || maxPollsReached(tally) || !follow && tally.caughtUp(),
                poll -> {
                    tally.add(poll);
                    view.poll(tally.polls(), poll);
                });
        view.finished(outcome(signal, tally), tally);
        if (!tally.abandoned().isEmpty()) {
            terminal.err().println(spec.qualifiedName() + ": error: " + tally.abandoned().size()
                    + (tally.abandoned().size() == 1 ? " record was abandoned; its usage is"
                    : " records were abandoned; their usage is") + " not counted");
            terminal.err().flush();
            return ExitCode.ERROR;
        }
        return ExitCode.OK;
    }

    private AggregateOutcome outcome(StopSignal signal, AggregateTally tally) {
        if (signal.stopped() || Thread.currentThread().isInterrupted()) {
            return AggregateOutcome.INTERRUPTED;
        }
        return !follow && tally.caughtUp() ? AggregateOutcome.CAUGHT_UP : AggregateOutcome.MAX_POLLS;
    }

    private boolean maxPollsReached(AggregateTally tally) {
        return maxPolls != null && tally.polls() >= maxPolls;
    }

    private void checkOptions() {
        if (maxPolls != null && maxPolls < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--max-polls': " + maxPolls
                    + " must be at least 1");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--interval': " + interval
                    + " must be positive");
        }
    }

    /** The ARN of the table's newest stream; fails naming what is missing, the table or its stream. */
    private static String streamOf(TableConnection table, DynamoDbStreamsClient streams) {
        String name = table.tableName();
        if (table.backend().table().describe().isEmpty()) {
            throw new IllegalStateException("table '" + name + "' does not exist (create it with 'limiter table "
                    + "create')");
        }
        return StreamPoller.latestStreamArn(streams, name).orElseThrow(() -> new IllegalStateException("table '"
                + name + "' has no stream: the aggregator reads the stream of new and old images, which "
                + "'limiter table create' and the CDK app enable (StreamViewType NEW_AND_OLD_IMAGES)"));
    }
}
