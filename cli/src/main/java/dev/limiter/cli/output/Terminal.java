package dev.limiter.cli.output;

import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a command writes and reads, and how: {@link #interactive()} when stdout is a terminal (so a status line may be
 * rewritten in place), {@link #color()} when ANSI colors may be used. The style methods return their text
 * unchanged when colors are off. Thread-safe as far as its {@link PrintWriter}s are.
 */
public final class Terminal {

    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final PrintWriter err;
    private final BufferedReader in;
    private final boolean interactive;
    private final boolean color;
    private final boolean yamlDocuments;

    private Terminal(PrintWriter out, PrintWriter err, BufferedReader in, boolean interactive, boolean color,
                     boolean yamlDocuments) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.in = Objects.requireNonNull(in, "in");
        this.interactive = interactive;
        this.color = color;
        this.yamlDocuments = yamlDocuments;
    }

    private Terminal(PrintWriter out, PrintWriter err, BufferedReader in, boolean interactive, boolean color) {
        this(out, err, in, interactive, color, false);
    }

    /**
     * A copy that prints {@link JsonOutput documents} as YAML ({@code --output yaml}) when {@code yaml} is true, as
     * JSON otherwise.
     */
    public Terminal withYamlDocuments(boolean yaml) {
        return new Terminal(out, err, in, interactive, color, yaml);
    }

    /** Whether {@link JsonOutput} prints documents on this terminal as YAML rather than JSON. */
    public boolean yamlDocuments() {
        return yamlDocuments;
    }

    /** A terminal with explicit settings and nothing to read, e.g. for tests. */
    public static Terminal of(PrintWriter out, PrintWriter err, boolean interactive, boolean color) {
        return new Terminal(out, err, new BufferedReader(new StringReader("")), interactive, color);
    }

    /**
     * Detects the settings of this process: interactive when {@code System.console()} exists, colored when
     * {@link #colors} says so for this process's variables.
     */
    public static Terminal detect(PrintWriter out, PrintWriter err, InputStream stdin, boolean noColorOption) {
        boolean interactive = System.console() != null;
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, Charset.defaultCharset()));
        return new Terminal(out, err, in, interactive, colors(interactive, noColorOption, System::getenv));
    }

    /**
     * Whether to use ANSI colors: only on an interactive terminal, without {@code --no-color}, with {@code NO_COLOR}
     * unset or empty (no-color.org) and {@code TERM} other than {@code dumb}, which cannot show escape codes.
     */
    static boolean colors(boolean interactive, boolean noColorOption, Function<String, String> variables) {
        String noColor = variables.apply("NO_COLOR");
        return interactive && !noColorOption && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(variables.apply("TERM"));
    }

    /**
     * Prints {@code question} on stdout and reads one line of the answer from stdin.
     *
     * @return the answer without surrounding blanks, or empty at the end of input
     */
    public Optional<String> ask(String question) {
        out.print(question);
        out.flush();
        try {
            String line = in.readLine();
            if (!interactive) {
                out.println();
            }
            return line == null ? Optional.empty() : Optional.of(line.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer from standard input: " + e.getMessage(), e);
        }
    }

    /** Standard output. */
    public PrintWriter out() {
        return out;
    }

    /** Standard error. */
    public PrintWriter err() {
        return err;
    }

    /** Whether stdout is a terminal, so that a line can be rewritten with a carriage return. */
    public boolean interactive() {
        return interactive;
    }

    /** Whether ANSI colors are on. */
    public boolean color() {
        return color;
    }

    /** picocli's color setting matching {@link #color()}, for usage help. */
    public CommandLine.Help.Ansi ansi() {
        return color ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
    }

    /** {@code text} in bold. */
    public String bold(String text) {
        return styled("1", text);
    }

    /** {@code text} dimmed. */
    public String dim(String text) {
        return styled("2", text);
    }

    /** {@code text} in green. */
    public String green(String text) {
        return styled("32", text);
    }

    /** {@code text} in yellow. */
    public String yellow(String text) {
        return styled("33", text);
    }

    /** {@code text} in red. */
    public String plainRed(String text) {
        return styled("31", text);
    }

    /** {@code text} in bold red. */
    public String red(String text) {
        return styled("1;31", text);
    }

    private String styled(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
