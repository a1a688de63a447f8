package dev.limiter.cli.limits;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.provision.Change;
import dev.limiter.provision.PlanFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code limiter limits show PLANFILE}: prints a saved plan for review, offline, like {@code terraform show}. */
@Command(
        name = "show",
        description = {
            "Prints a plan saved by 'plan --out', for review. Offline.",
            "%nShows the saved plan's table, namespace, limits file and target, then its changes as 'plan' printed "
                + "them. 'apply --plan PLANFILE' applies exactly these changes, or refuses if the table changed.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter limits show plan.json                after plan --out plan.json",
            "  limiter limits show plan.json --output json"
        })
final class ShowCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Parameters(index = "0", paramLabel = "PLANFILE", description = "A plan saved by 'limiter limits plan --out'.")
    private Path planFile;

    @Override
    public Integer call() {
        PlanFile saved = PlanFile.load(planFile);
        Terminal terminal = globals.terminal();
        if (globals.json()) {
            JsonOutput.print(terminal, document(saved));
            return ExitCode.OK;
        }
        terminal.out().println("Saved plan " + planFile + ": namespace '" + saved.namespace() + "' of table '"
                + saved.table() + "', from " + saved.manifestFile()
                + (saved.target().isEmpty() ? "" : ", --target " + saved.target()) + ".");
        terminal.out().println();
        if (saved.changes().isEmpty()) {
            terminal.out().println(terminal.bold("No changes."));
            return ExitCode.OK;
        }
        PlanView view = new PlanView(terminal);
        int[] counts = new int[3];
        for (PlanFile.SavedChange change : saved.changes()) {
            Change.Action action = Change.Action.valueOf(change.action().toUpperCase(Locale.ROOT));
            counts[action.ordinal()]++;
            view.block(action, change.address(), change.before(), change.after(), PlanView.planComment(action))
                    .forEach(terminal.out()::println);
        }
        terminal.out().println(terminal.bold("Plan: " + counts[0] + " to add, " + counts[1] + " to change, "
                + counts[2] + " to destroy."));
        return ExitCode.OK;
    }

    private static Map<String, Object> document(PlanFile saved) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format_version", PlanDocument.FORMAT_VERSION);
        document.put("kind", "saved_plan");
        document.put("namespace", saved.namespace());
        document.put("table", saved.table());
        document.put("file", saved.manifestFile());
        document.put("target", saved.target());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (PlanFile.SavedChange change : saved.changes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("address", change.address());
            entry.put("action", change.action());
            entry.put("before", PlanDocument.typed(change.before()));
            entry.put("after", PlanDocument.typed(change.after()));
            changes.add(entry);
        }
        document.put("changes", changes);
        return document;
    }
}
