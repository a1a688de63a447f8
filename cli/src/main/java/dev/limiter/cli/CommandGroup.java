package dev.limiter.cli;

import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.Usage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that only groups subcommands ({@code limiter} itself, {@code limits}, {@code entity}, {@code table},
 * {@code local}): it accepts the global and backend options at its own level, so they reach every subcommand, and
 * run on its own it prints its usage and exits with {@link ExitCode#USAGE}.
 */
public abstract class CommandGroup implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Usage.printMissingCommand(spec, globals.terminal());
        return ExitCode.USAGE;
    }
}
