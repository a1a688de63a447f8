package dev.limiter.cli.limits;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code limiter limits}: declarative limits, Terraform-style. Groups validate, plan, apply, diff and export. */
@Command(
        name = "limits",
        description = {
            "Declarative limits from a YAML file: validate, plan, apply, diff, export.",
            "%nA YAML file describes a namespace's defaults, resources and entities; plan compares "
                + "it with the live table by value and apply makes the table match, like Terraform.",
            "%nItems a limits file never created are left alone. Schema for editors: schema/limits.schema.json; "
                + "examples: examples/*.yaml.%n"
        },
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            DiffCommand.class,
            ExportCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter limits validate -f limits.yaml             offline checks",
            "  limiter limits plan -f limits.yaml --out plan.json  review, then",
            "  limiter limits apply --plan plan.json               exactly that",
            "  limiter limits diff -f limits.yaml --detailed-exitcode   2 on drift",
            "  limiter limits export --namespace prod -f limits.yaml --adopt"
        })
public final class LimitsCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public LimitsCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() {
        Usage.printMissingCommand(spec, globals.terminal());
        return ExitCode.USAGE;
    }
}
