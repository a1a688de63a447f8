package dev.limiter.cli.demo;

import dev.limiter.Limit;
import dev.limiter.cli.output.TextTable;
import dev.limiter.cli.output.TextTable.Column;
import dev.limiter.cli.output.Terminal;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the demo: the setup, the progress text, the final per-entity table and the assertion line. Output is
 * plain text with optional ANSI colors from {@link Terminal}; nothing here computes results.
 */
final class DemoView {

    private final Terminal terminal;
    private final boolean verbose;

    DemoView(Terminal terminal, boolean verbose) {
        this.terminal = terminal;
        this.verbose = verbose;
    }

    /** What is simulated, and the limits of every entity. */
    void header(DemoSettings settings, String backend, Organisation organisation) {
        PrintWriter out = terminal.out();
        out.println(terminal.bold("limiter demo") + ": an LLM gateway on the " + backend + ", "
                + settings.workers() + " workers for " + seconds(settings.duration()) + ", seed " + settings.seed());
        out.printf(Locale.ROOT, "each call acquires rpm 1 + tpm %,d for %s, waits %d-%d ms for the model,%n",
                settings.estimatedTokens(), settings.resource(), settings.minLatency().toMillis(),
                settings.maxLatency().toMillis());
        out.printf(Locale.ROOT, "uses %,d-%,d tokens (lease adjusted, debt allowed); %d%% of calls fail "
                        + "(lease rolled back)%n", settings.minTokens(), settings.maxTokens(),
                settings.failurePercent());
        TextTable limits = new TextTable(List.of(Column.left("entity"), Column.left("rpm"), Column.left("tpm")));
        for (Organisation.Member member : organisation.members()) {
            List<String> cells = new ArrayList<>(List.of(indent(member.depth()) + member.id(), "-", "-"));
            for (Limit limit : member.limits().limits()) {
                cells.set(limit.name().equals(Workload.RPM) ? 1 : 2, describe(limit));
            }
            limits.add(cells);
        }
        out.println();
        print(limits, out);
        out.println();
        out.flush();
    }

    /** The one-line status of a running demo. */
    String progress(Progress progress) {
        return String.format(Locale.ROOT, "granted %,d  rejected %,d  rolled back %,d  in flight %d  %s / %s",
                progress.granted(), progress.rejected(), progress.rolledBack(), progress.inFlight(),
                seconds(progress.elapsed()), seconds(progress.duration()));
    }

    /** The final table, the checks (all of them when verbose) and the assertion line. */
    void report(DemoReport report) {
        PrintWriter out = terminal.out();
        TextTable table = new TextTable(List.of(Column.left("entity"), Column.right("granted"),
                Column.right("rejected"), Column.right("tokens"), Column.right("debt now"),
                Column.right("peak debt"), Column.right("mean retry-after")));
        for (EntityRow row : report.rows()) {
            table.add(List.of(indent(row.depth()) + row.entity(), number(row.granted()), number(row.rejected()),
                    number(row.tokens()), number(row.debt()), number(row.peakDebt()),
                    row.rejected() == 0 ? "-" : seconds(row.meanRetryAfter())));
        }
        out.println();
        print(table, out);
        out.println();
        if (verbose) {
            printChecks(report, out);
        }
        printAssertion(report, out);
        out.flush();
    }

    private void printChecks(DemoReport report, PrintWriter out) {
        TextTable checks = new TextTable(List.of(Column.left("entity"), Column.left("limit"),
                Column.right("charged"), Column.right("capacity"), Column.right("available at end"),
                Column.right("refill"), Column.right("allowed"), Column.right("used"), Column.left("")));
        for (LimitCheck check : report.checks()) {
            checks.add(List.of(check.entity(), check.limit().name(), number(check.consumedTokens()),
                    number(check.limit().capacity()), number(check.availableAtEnd()), rate(check.limit()),
                    String.format(Locale.ROOT, "%,.1f", check.allowedTokens()), percent(check.utilisation()),
                    check.holds() ? "ok" : "EXCEEDED"));
        }
        print(checks, out);
        out.println();
    }

    private void printAssertion(DemoReport report, PrintWriter out) {
        int total = report.checks().size();
        List<LimitCheck> failures = report.failures();
        String rule = "      per entity and limit: net tokens charged <= capacity - available at end"
                + " + refill rate x " + seconds(report.elapsed());
        if (failures.isEmpty()) {
            out.println(terminal.green("PASS") + "  no limit exceeded: all " + total + " bounds hold");
            out.println(rule);
            report.tightest().ifPresent(check -> out.printf(Locale.ROOT,
                    "      closest to its bound: %s %s, %,d of %,.1f tokens allowed (%s)%n", check.entity(),
                    check.limit().name(), check.consumedTokens(), check.allowedTokens(),
                    percent(check.utilisation())));
        } else {
            out.println(terminal.red("FAIL") + "  limit exceeded: " + failures.size() + " of " + total
                    + " bounds broken");
            out.println(rule);
            for (LimitCheck check : failures) {
                out.printf(Locale.ROOT, "      %s %s: %,d tokens charged > %,.1f allowed%n", check.entity(),
                        check.limit().name(), check.consumedTokens(), check.allowedTokens());
            }
        }
        Progress totals = report.totals();
        out.println(terminal.dim(String.format(Locale.ROOT,
                "%,d calls granted, %,d rejected, %,d rolled back in %s", totals.granted(), totals.rejected(),
                totals.rolledBack(), seconds(report.elapsed()))));
    }

    private void print(TextTable table, PrintWriter out) {
        List<String> lines = table.render();
        out.println(terminal.bold(lines.get(0)));
        lines.subList(1, lines.size()).forEach(out::println);
    }

    private static String describe(Limit limit) {
        if (!limit.refillPeriod().equals(Duration.ofMinutes(1))) {
            return limit.describe();
        }
        String rate = number(limit.refillAmount()) + "/min";
        return limit.capacity() == limit.refillAmount() ? rate : rate + ", burst " + number(limit.capacity());
    }

    private static String rate(Limit limit) {
        return limit.refillPeriod().equals(Duration.ofMinutes(1))
                ? number(limit.refillAmount()) + "/min" : limit.refillAmount() + "/" + limit.refillPeriod();
    }

    private static String indent(int depth) {
        return "  ".repeat(depth);
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String seconds(Duration duration) {
        if (duration.toNanos() % 1_000_000_000L == 0) {
            return duration.toSeconds() + "s";
        }
        return String.format(Locale.ROOT, "%.2fs", duration.toNanos() / 1e9);
    }
}
