package dev.limiter.cli.options;

import dev.limiter.cli.output.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command accepts: {@code -h/--help}, {@code -v/--verbose}, {@code --no-color} and
 * {@code -o/--output text|json|yaml}. Mix it into each command with {@code @Mixin(name = GlobalOptions.MIXIN_NAME)}; an
 * option given at any level ({@code limiter -v demo} or {@code limiter demo -v}) applies to the command that runs,
 * the most specific level winning for {@code --output}.
 *
 * <p>Colors are used only when stdout is a terminal, {@code --no-color} was not given and the {@code NO_COLOR}
 * environment variable is unset or empty (see no-color.org). Not thread-safe: picocli fills it while parsing.
 */
public final class GlobalOptions {

    /** The name every command gives this mixin, so that nested commands find their parents' values. */
    public static final String MIXIN_NAME = "globals";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    @Option(names = {"-v", "--verbose"}, description = "Print more detail, and the stack trace of errors.")
    private boolean verbose;

    @Option(names = "--no-color", description = "Never color the output (also off when NO_COLOR is set "
            + "or stdout is not a terminal).")
    private boolean noColor;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, json or yaml (yaml: the JSON document as YAML; "
                    + "default: text; env: LIMITER_OUTPUT).")
    private OutputFormat output;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    /** Creates the mixin; picocli fills its fields. */
    public GlobalOptions() {
        // fields are injected by picocli
    }

    /** Whether {@code -v} was given to the running command or any command above it. */
    public boolean verbose() {
        return verbose(mixee);
    }

    /** Whether {@code -v} was given to {@code command} or any command above it. */
    public static boolean verbose(CommandSpec command) {
        return anyOnPath(command, true);
    }

    /** Whether {@code --no-color} was given to the running command or any command above it. */
    public boolean noColor() {
        return anyOnPath(mixee, false);
    }

    /** The output format: {@code --output} given at the most specific level, else {@code LIMITER_OUTPUT}, else text. */
    public OutputFormat output() {
        return (OutputFormat) Layers.value(mixee, MIXIN_NAME, "--output").orElse(OutputFormat.text);
    }

    /**
     * Whether the command prints a document rather than text: {@code --output json} or {@code --output yaml}
     * ({@link #terminal()} then prints documents in the chosen one).
     */
    public boolean json() {
        return output() != OutputFormat.text;
    }

    /** The running command's streams (stdin from its {@link Environment}), with terminal and color detection. */
    public Terminal terminal() {
        CommandLine commandLine = mixee.commandLine();
        return Terminal.detect(commandLine.getOut(), commandLine.getErr(), Environment.of(mixee).stdin(), noColor())
                .withYamlDocuments(output() == OutputFormat.yaml);
    }

    private static boolean anyOnPath(CommandSpec start, boolean wantVerbose) {
        for (CommandSpec level = start; level != null; level = level.parent()) {
            CommandSpec mixin = level.mixins().get(MIXIN_NAME);
            if (mixin != null && mixin.userObject() instanceof GlobalOptions options
                    && (wantVerbose ? options.verbose : options.noColor)) {
                return true;
            }
        }
        return false;
    }
}
