package dev.limiter.cli.limits;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.provision.ManifestCheck;
import dev.limiter.provision.Plan;
import dev.limiter.provision.PlanFile;
import dev.limiter.provision.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code limiter limits plan -f FILE}: compares the file with the live table by value and prints what apply would do,
 * Terraform-style; {@code --out} saves the plan for {@code apply --plan}.
 */
@Command(
        name = "plan",
        sortOptions = false,
        description = {
            "Shows what apply would change, Terraform-style.",
            "%nCompares a limits file with the live table, attribute by attribute, and prints what apply would change: "
                + "+ create, ~ update in-place (old -> new), - destroy, then 'Plan: X to add, Y to change, "
                + "Z to destroy.' or 'No changes.'.",
            "%nOnly items a limits file created are ever destroyed. With --detailed-exitcode the exit code is "
                + "0 for no changes, 1 for an error and 2 for changes, as in Terraform.",
            "%nA plan that would destroy an entity another entity still has as parent is blocked: it prints "
                + "each blocker with the way forward, saves nothing and exits 1.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter limits plan -f limits.yaml",
            "  limiter limits plan -f limits.yaml --out plan.json   for apply --plan",
            "  limiter limits plan -f limits.yaml --detailed-exitcode   CI: 2 = changes",
            "  limiter limits plan -f limits.yaml --target entity:acme --json"
        })
final class PlanCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The limits file (YAML).")
    private Path file;

    @Option(names = "--target", paramLabel = "entity:ID|resource:NAME", converter = TargetConverter.class,
            description = "Plan only this entity (and its limits) or this resource (and every entity's limits for it).")
    private Target target;

    @Option(names = "--out", paramLabel = "PLANFILE",
            description = "Save the plan, for 'limiter limits apply --plan PLANFILE'.")
    private Path out;

    @Option(names = "--detailed-exitcode",
            description = "Exit 2 when the plan has changes (0: none, 1: error).")
    private boolean detailedExitCode;

    @Option(names = "--json", description = "Print the plan as JSON (the same as --output json).")
    private boolean json;

    @Override
    public Integer call() {
        LimitsFile limits = LimitsFile.read(file);
        Terminal terminal = globals.terminal();
        try (Session session = Session.open(backend)) {
            ManifestCheck check = session.check(limits);
            Plan plan = session.plan(check, Optional.ofNullable(target), terminal);
            check.warnings().forEach(warning -> terminal.err().println(warning));
            if (out != null && !plan.isBlocked()) {
                PlanFile.of(plan, session.table(), limits.name(), limits.text(), Optional.ofNullable(target))
                        .save(out);
            }
            if (json || globals.json()) {
                JsonOutput.print(json ? terminal.withYamlDocuments(false) : terminal,
                        PlanDocument.of("plan", plan, limits.name(), session.table()));
            } else {
                new PlanView(terminal).printPlan(plan, limits.name());
                printSaved(terminal, plan);
            }
            if (plan.isBlocked()) {
                return ExitCode.ERROR;
            }
            return detailedExitCode && !plan.isEmpty() ? ExitCode.CHANGES : ExitCode.OK;
        }
    }

    private void printSaved(Terminal terminal, Plan plan) {
        if (out != null && plan.isBlocked()) {
            terminal.err().println("Did not save the plan to " + out + ": it is blocked.");
        } else if (out != null) {
            terminal.out().println();
            terminal.out().println("Saved the plan to: " + out);
            terminal.out().println("To perform exactly these actions, run: limiter limits apply --plan " + out);
        }
    }
}
