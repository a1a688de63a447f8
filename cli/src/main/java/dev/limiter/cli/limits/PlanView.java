package dev.limiter.cli.limits;

import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.provision.Change;
import dev.limiter.provision.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders plans the way Terraform does: a legend, one block per change ({@code + create}, {@code ~ update in-place},
 * {@code - destroy}) with attribute lines ({@code ~ rpm.capacity = 250 -> 100}), then the summary line. The same
 * blocks frame drift for {@code limits diff}. Not thread-safe.
 */
final class PlanView {

    private final Terminal terminal;

    PlanView(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Prints {@code plan}: "No changes." or the legend, the blocks and {@code Plan: X to add, ...}. */
    void printPlan(Plan plan, String file) {
        if (plan.isEmpty()) {
            terminal.out().println(terminal.bold("No changes.") + " The limits of namespace '" + plan.namespace()
                    + "' match " + file + ".");
            return;
        }
        printLegend(plan);
        terminal.out().println("limiter will perform the following actions:");
        terminal.out().println();
        plan.changes().forEach(change -> print(block(change, comment(change.action(), false, file))));
        terminal.out().println(terminal.bold(plan.summary()));
        printBlockers(plan);
    }

    /** Prints each blocker of {@code plan} on stderr, then that nothing will be applied; nothing if it has none. */
    void printBlockers(Plan plan) {
        if (!plan.isBlocked()) {
            return;
        }
        terminal.err().println();
        for (Plan.Blocker blocker : plan.blockers()) {
            terminal.err().println(terminal.plainRed("Error:") + " " + blocker.address() + ": " + blocker.message());
        }
        terminal.err().println("The plan is blocked (" + plan.blockers().size() + (plan.blockers().size() == 1
                ? " blocker" : " blockers") + "): apply refuses it and nothing is changed.");
    }

    /** Prints {@code plan} framed as drift between the table and {@code file} (values read table -> file). */
    void printDrift(Plan plan, String file) {
        if (plan.isEmpty()) {
            terminal.out().println(terminal.bold("No drift.") + " The limits of namespace '" + plan.namespace()
                    + "' match " + file + ".");
            return;
        }
        terminal.out().println("Drift: namespace '" + plan.namespace() + "' differs from " + file
                + " (values read table -> file):");
        terminal.out().println();
        plan.changes().forEach(change -> print(block(change, comment(change.action(), true, file))));
        terminal.out().println(terminal.bold("Drift: " + plan.toAdd() + " missing from the table, "
                + plan.toChange() + " different, " + plan.toDestroy() + " no longer in the file."));
        terminal.out().println("Run 'limiter limits apply -f " + file + "' to bring the table back in line.");
    }

    /** The lines of one change's block, ending with a blank line. */
    List<String> block(Change change, String comment) {
        return block(change.action(), change.address(), change.before(), change.after(), comment);
    }

    /** The lines of the block of a change given by its parts, e.g. one read from a saved plan. */
    List<String> block(Change.Action action, String address, Map<String, String> before, Map<String, String> after,
                       String comment) {
        List<String> lines = new ArrayList<>();
        String symbol = symbol(action);
        lines.add("  " + terminal.dim("# " + address + " " + comment));
        lines.add("  " + color(action, symbol) + " " + address + " {");
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        int width = names.stream().filter(name -> differs(before, after, name)).mapToInt(String::length).max()
                .orElse(0);
        int unchanged = 0;
        for (String name : names) {
            if (differs(before, after, name)) {
                lines.add("      " + attribute(action, before, after, name, width));
            } else {
                unchanged++;
            }
        }
        if (unchanged > 0) {
            lines.add("        " + terminal.dim("# (" + unchanged + " unchanged attribute"
                    + (unchanged == 1 ? "" : "s") + " hidden)"));
        }
        lines.add("    }");
        lines.add("");
        return lines;
    }

    private String attribute(Change.Action action, Map<String, String> before, Map<String, String> after,
                             String name, int width) {
        String padded = name + " ".repeat(width - name.length());
        if (!before.containsKey(name)) {
            return color(Change.Action.CREATE, "+") + " " + padded + " = " + value(after.get(name));
        }
        if (!after.containsKey(name)) {
            return color(Change.Action.DELETE, "-") + " " + padded + " = " + value(before.get(name))
                    + (action == Change.Action.DELETE ? "" : " -> null");
        }
        return color(Change.Action.UPDATE, "~") + " " + padded + " = " + value(before.get(name)) + " -> "
                + value(after.get(name));
    }

    private static boolean differs(Map<String, String> before, Map<String, String> after, String name) {
        return !String.valueOf(before.get(name)).equals(String.valueOf(after.get(name)));
    }

    private void printLegend(Plan plan) {
        terminal.out().println("Resource actions are indicated with the following symbols:");
        if (plan.toAdd() > 0) {
            terminal.out().println("  " + color(Change.Action.CREATE, "+") + " create");
        }
        if (plan.toChange() > 0) {
            terminal.out().println("  " + color(Change.Action.UPDATE, "~") + " update in-place");
        }
        if (plan.toDestroy() > 0) {
            terminal.out().println("  " + color(Change.Action.DELETE, "-") + " destroy");
        }
        terminal.out().println();
    }

    private void print(List<String> lines) {
        lines.forEach(terminal.out()::println);
    }

    private String color(Change.Action action, String text) {
        if (action == Change.Action.CREATE) {
            return terminal.green(text);
        }
        return action == Change.Action.UPDATE ? terminal.yellow(text) : terminal.plainRed(text);
    }

    static String symbol(Change.Action action) {
        if (action == Change.Action.CREATE) {
            return "+";
        }
        return action == Change.Action.UPDATE ? "~" : "-";
    }

    /** The comment of a plan's block: {@code will be created}, {@code will be updated in-place}, ... */
    static String planComment(Change.Action action) {
        return comment(action, false, "");
    }

    private static String comment(Change.Action action, boolean drift, String file) {
        if (action == Change.Action.CREATE) {
            return drift ? "is in " + file + " but missing from the table" : "will be created";
        }
        if (action == Change.Action.UPDATE) {
            return drift ? "differs between the table and " + file : "will be updated in-place";
        }
        return drift ? "is in the table but no longer in " + file : "will be destroyed";
    }

    /** Numbers, booleans and durations as they are; anything else as a quoted string, like Terraform. */
    static String value(String text) {
        return text.matches("-?[0-9]+(\\.[0-9]+)?|true|false|[0-9]+(ms|s|m|h|d|w)") ? text : JsonOutput.toJson(text);
    }
}
