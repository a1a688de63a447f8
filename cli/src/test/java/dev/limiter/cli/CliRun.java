package dev.limiter.cli;

import dev.limiter.cli.options.Environment;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The outcome of running {@code limiter} in-process with captured streams, in an explicit environment (never the
 * machine's), so that tests do not depend on the variables of whoever runs them.
 *
 * @param exitCode what the command returned
 * @param out      what it printed on stdout
 * @param err      what it printed on stderr
 */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code limiter args...} with no environment variables and empty stdin. */
    public static CliRun of(String... args) {
        return with(Environment.of(Map.of()), args);
    }

    /** Runs {@code limiter args...} in {@code environment}, capturing both streams. */
    public static CliRun with(Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.newCommandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Runs {@code limiter args...} with {@code variables} and {@code stdin} as standard input. */
    public static CliRun with(Map<String, String> variables, String stdin, String... args) {
        return with(Environment.of(variables)
                .withStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), args);
    }

    /** Both streams, for assertion messages. */
    public String output() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
