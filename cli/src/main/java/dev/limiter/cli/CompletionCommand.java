package dev.limiter.cli;

import dev.limiter.cli.options.GlobalOptions;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code limiter completion}: prints a bash (and zsh, through bashcompinit) completion script for every command. */
@Command(
        name = "completion",
        description = {
            "Prints a bash/zsh completion script for every command and option.",
            "%nWorks in bash, and in zsh after 'autoload -U +X bashcompinit && bashcompinit'.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(limiter completion)                  complete in this shell",
            "  limiter completion > /etc/bash_completion.d/limiter"
        })
final class CompletionCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("limiter", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
