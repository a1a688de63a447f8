package dev.limiter.cli.limits;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.provision.Plan;
import dev.limiter.provision.PlanFile;
import dev.limiter.provision.Target;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code limiter limits apply}: makes the table match a limits file ({@code -f}) after showing the plan and asking
 * for confirmation, or applies a saved plan ({@code --plan}) exactly, refusing it when the table changed since.
 */
@Command(
        name = "apply",
        sortOptions = false,
        description = {
            "Makes the live table match a limits file or a saved plan.",
            "%nMakes the live table match a limits file: shows the plan, asks for confirmation (unless "
                + "--auto-approve), applies it with progress, and reports what was done.",
            "%nWith --plan, applies a plan saved by 'plan --out' exactly as reviewed, without asking, and refuses it "
                + "if the table changed since. A blocked plan (destroying an entity that another entity still has as "
                + "parent) is refused before anything is written. Every change is an idempotent whole-item write: if an apply stops "
                + "part way, running apply again converges.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter limits apply -f limits.yaml                 asks for 'yes'",
            "  limiter limits apply -f limits.yaml --auto-approve  in CI",
            "  limiter limits apply --plan plan.json               as reviewed",
            "  limiter limits apply -f limits.yaml --target entity:acme-search --auto-approve"
        })
final class ApplyCommand implements Callable<Integer> {

    /** The confirmation question; only {@code yes} approves. */
    static final String PROMPT = "Do you want to perform these actions? Only 'yes' will be accepted: ";

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    @Option(names = "--target", paramLabel = "entity:ID|resource:NAME", converter = TargetConverter.class,
            description = "Apply only to this entity or resource (with -f).")
    private Target target;

    @Option(names = "--auto-approve", description = "Apply without asking for confirmation.")
    private boolean autoApprove;

    @Spec
    private CommandSpec spec;

    /** Where the changes come from: a limits file or a saved plan. */
    static final class Source {
        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The limits file (YAML).")
        private Path file;

        @Option(names = "--plan", paramLabel = "PLANFILE", description = "A plan saved by 'limiter limits plan --out'.")
        private Path plan;
    }

    @Override
    public Integer call() {
        boolean saved = source.plan != null;
        checkOptions(saved);
        Terminal terminal = globals.terminal();
        try (Session session = Session.open(backend)) {
            Optional<PlanFile> planFile = saved ? Optional.of(PlanFile.load(source.plan)) : Optional.empty();
            Plan plan = saved ? session.engine().replan(planFile.get())
                    : session.plan(session.check(LimitsFile.read(source.file)), Optional.ofNullable(target), terminal);
            String name = planFile.map(PlanFile::manifestFile).orElse(String.valueOf(source.file));
            if (!globals.json()) {
                new PlanView(terminal).printPlan(plan, name);
            }
            if (plan.isBlocked()) {
                if (globals.json()) {
                    new PlanView(terminal).printBlockers(plan);
                }
                return ExitCode.ERROR;
            }
            if (plan.isEmpty()) {
                return finish(terminal, plan);
            }
            if (!saved && !autoApprove && !confirmed(terminal)) {
                terminal.err().println("Apply cancelled.");
                return ExitCode.ERROR;
            }
            try (ApplyReporter reporter = new ApplyReporter(terminal, plan, globals.json())) {
                session.engine().apply(plan, reporter);
            }
            return finish(terminal, plan);
        }
    }

    private void checkOptions(boolean saved) {
        if (saved && target != null) {
            throw new ParameterException(spec.commandLine(), "--target applies to -f only: a saved plan keeps the "
                    + "target it was planned with");
        }
        if (globals.json() && !saved && !autoApprove) {
            throw new ParameterException(spec.commandLine(), "--output " + globals.output() + " needs "
                    + "--auto-approve or --plan: there is no prompt when the output is a document");
        }
    }

    private static boolean confirmed(Terminal terminal) {
        terminal.out().println();
        return terminal.ask(PROMPT).filter("yes"::equals).isPresent();
    }

    private int finish(Terminal terminal, Plan plan) {
        if (globals.json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("namespace", plan.namespace());
            document.put("applied", plan.changes().size());
            document.put("summary", PlanDocument.summary(plan));
            JsonOutput.print(terminal, document);
        } else if (!plan.isEmpty()) {
            terminal.out().println();
            terminal.out().println(terminal.green(terminal.bold("Apply complete!")) + " Resources: " + plan.toAdd()
                    + " added, " + plan.toChange() + " changed, " + plan.toDestroy() + " destroyed.");
        }
        return ExitCode.OK;
    }
}
