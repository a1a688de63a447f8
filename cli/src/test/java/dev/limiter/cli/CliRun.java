package dev.limiter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * The outcome of running {@code limiter} in-process with captured streams.
 *
 * @param exitCode what the command returned
 * @param out      what it printed on stdout
 * @param err      what it printed on stderr
 */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code limiter args...} through {@link Main#newCommandLine()}, capturing both streams. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
