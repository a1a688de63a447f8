package dev.limiter.cli.demo;

import dev.limiter.backend.Backend;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.DurationConverter;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.cli.output.ProgressLine;
import dev.limiter.cli.output.Terminal;
import dev.limiter.memory.InMemoryBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code limiter demo}: runs a {@link GatewayDemo}, shows its progress, prints the final table and returns
 * {@link ExitCode#OK} when every limit's bound holds, {@link ExitCode#LIMIT_EXCEEDED} otherwise.
 */
@Command(
        name = "demo",
        sortOptions = false,
        description = {
            "Simulates an LLM gateway on a live limiter and checks that no limit was exceeded.",
            "%nWithout --endpoint-url or --table the limits live in memory; with them, in DynamoDB (table "
                + "--table, default limiter-demo, created if missing; a fresh namespace per run).",
            "%nAn org (acme) with teams (search, ads) and users has rpm/tpm limits at every level. Async "
                + "workers acquire rpm 1 + tpm 500 per call, wait for a simulated model, then adjust the lease to "
                + "the tokens really used (debt happens) or roll it back when the call fails. The demo ends with "
                + "a per-entity table and checks, per entity and limit, that no more tokens went through than "
                + "capacity and refill allow (-v prints every check).%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter demo                                  10 seconds, 12 workers",
            "  limiter demo --duration 30s --workers 16 --seed 7",
            "  limiter demo --users 2 --no-color > demo.log  plain output for a log",
            "  limiter demo --endpoint-url http://127.0.0.1:4566   on a local DynamoDB"
        })
public final class DemoCommand implements Callable<Integer> {

    private static final Duration MAX_DURATION = Duration.ofMinutes(10);
    /** The table the demo uses on DynamoDB when {@code --table} is not given; created if missing. */
    private static final String DEFAULT_TABLE = "limiter-demo";
    /** How often the demo samples debt on DynamoDB: each sample reads every entity's bucket. */
    private static final Duration REMOTE_SAMPLING = Duration.ofSeconds(2);

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "TIME",
            description = "How long workers start new calls, e.g. 2s, 30s, 1m (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--workers", defaultValue = "12", paramLabel = "N",
            description = "Calls in flight at most (default: ${DEFAULT-VALUE}).")
    private int workers;

    @Option(names = "--users", defaultValue = "4", paramLabel = "N",
            description = "Users in each team, 1 to " + DemoSettings.MAX_USERS_PER_TEAM
                    + " (default: ${DEFAULT-VALUE}).")
    private int usersPerTeam;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of the workload's random choices (default: a random seed, printed).")
    private long seed = ThreadLocalRandom.current().nextLong(1, 100_000);

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public DemoCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() throws InterruptedException {
        DemoSettings settings = settings();
        Terminal terminal = globals.terminal();
        if (backend.isInMemory()) {
            return run(settings, terminal, InMemoryBackend.create(), "demo", "in-memory backend",
                    GatewayDemo.FAST_SAMPLING);
        }
        try (TableConnection table = backend.connect(DEFAULT_TABLE)) {
            if (table.backend().table().create()) {
                terminal.out().println("Created the development table '" + table.tableName() + "'.");
            }
            // Every run on DynamoDB gets a fresh namespace: the bound checks need buckets that start full.
            String namespace = "demo-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
            return run(settings, terminal, table.backend(), namespace,
                    "DynamoDB table " + table.tableName() + " (namespace " + namespace + ")", REMOTE_SAMPLING);
        }
    }

    private int run(DemoSettings settings, Terminal terminal, Backend limits, String namespace, String where,
                    Duration sampling) throws InterruptedException {
        DemoView view = new DemoView(terminal, globals.verbose());
        try (limits; GatewayDemo demo = GatewayDemo.start(limits, settings, InstantSource.system(), namespace,
                sampling)) {
            view.header(settings, where, demo.organisation());
            ProgressLine progress = new ProgressLine(terminal);
            Duration refresh = terminal.interactive() ? Duration.ofMillis(200) : Duration.ofSeconds(1);
            while (!demo.awaitDone(refresh)) {
                progress.show(view.progress(demo.progress()));
            }
            progress.show(view.progress(demo.progress()));
            progress.finish();
            DemoReport report = demo.report();
            view.report(report);
            return report.holds() ? ExitCode.OK : ExitCode.LIMIT_EXCEEDED;
        }
    }

    private DemoSettings settings() {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--duration': must be between 1ms and 10m, got " + duration);
        }
        try {
            return DemoSettings.of(duration, workers, seed, usersPerTeam);
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), "Invalid option: " + invalid.getMessage(), invalid);
        }
    }
}
