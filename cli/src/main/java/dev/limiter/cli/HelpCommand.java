package dev.limiter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * {@code help [COMMAND...]}: the help of the command that the path names, at any depth, so that
 * {@code limiter help limits plan} and {@code limiter limits help plan} both print {@code limiter limits plan --help}.
 * Picocli's own help command reads only the first name. {@link Main} adds one to every command group. Not
 * thread-safe.
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Prints the help of a command: 'help limits plan' is the same as 'limits plan --help'.%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter help limits plan    the same as: limiter limits plan --help",
            "  limiter limits help plan    the same"
        })
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, e.g. limits plan.")
    private List<String> path = List.of();

    private CommandLine group;
    private CommandLine.Help.ColorScheme colors;
    private java.io.PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, java.io.PrintWriter out,
                     java.io.PrintWriter err) {
        this.group = helpCommandLine.getParent();
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine command = group;
        for (String name : path) {
            CommandLine next = command.getSubcommands().get(name);
            if (next == null) {
                throw new CommandLine.ParameterException(command, "unknown command '" + name + "' for '"
                        + command.getCommandSpec().qualifiedName() + "': its commands are "
                        + String.join(", ", command.getSubcommands().keySet()));
            }
            command = next;
        }
        command.usage(out, colors);
        out.flush();
    }

    /** Adds a help command to {@code commandLine} and every command group below it that has none. */
    static void addTo(CommandLine commandLine) {
        if (commandLine.getSubcommands().isEmpty()) {
            return;
        }
        for (CommandLine sub : List.copyOf(commandLine.getSubcommands().values())) {
            addTo(sub);
        }
        if (!commandLine.getSubcommands().containsKey("help")) {
            commandLine.addSubcommand("help", new HelpCommand());
        }
    }
}
