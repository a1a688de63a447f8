package dev.limiter.cli.limits;

import dev.limiter.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code limiter limits}: declarative limits, Terraform-style. Groups validate, plan, apply, diff, export, show and fmt. */
@Command(
        name = "limits",
        description = {
            "Declarative limits from a YAML file: validate, plan, apply, diff, export, show, fmt.",
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
            ExportCommand.class,
            ShowCommand.class,
            FmtCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter limits validate -f limits.yaml             offline checks",
            "  limiter limits plan -f limits.yaml --out plan.json  review, then",
            "  limiter limits show plan.json                       review it",
            "  limiter limits apply --plan plan.json               exactly that",
            "  limiter limits diff -f limits.yaml --detailed-exitcode   2 on drift",
            "  limiter limits export --namespace prod -f limits.yaml --adopt",
            "  limiter limits fmt --check limits.yaml                   2 if not canonical"
        })
public final class LimitsCommand extends CommandGroup {

    /** Creates the command; picocli fills its fields. */
    public LimitsCommand() {
        // options are inherited from CommandGroup and injected by picocli
    }
}
