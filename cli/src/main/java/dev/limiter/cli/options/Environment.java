package dev.limiter.cli.options;

import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@code limiter} process receives from outside besides its arguments: environment variables and standard
 * input. {@link dev.limiter.cli.Main} passes the real ones; tests pass their own, so no test depends on the
 * machine's environment. Immutable.
 *
 * @param variables environment variables by name
 * @param stdin     standard input, read by prompts
 */
public record Environment(Map<String, String> variables, InputStream stdin) {

    /** Copies the variables. */
    public Environment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(stdin, "stdin");
    }

    /** This process's environment variables and standard input. */
    public static Environment system() {
        return new Environment(System.getenv(), System.in);
    }

    /** The given variables and an empty standard input. */
    public static Environment of(Map<String, String> variables) {
        return new Environment(variables, new ByteArrayInputStream(new byte[0]));
    }

    /** Returns a copy whose standard input is {@code input}. */
    public Environment withStdin(InputStream input) {
        return new Environment(variables, input);
    }

    /** The value of variable {@code name}, unless it is unset or blank. */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The environment of the command tree {@code command} belongs to, or the system's if its root has none. */
    public static Environment of(CommandSpec command) {
        return command.root().userObject() instanceof Holder holder ? holder.environment() : system();
    }

    /** Implemented by the root command, which carries the environment for every command below it. */
    public interface Holder {

        /** The environment of this command tree. */
        Environment environment();
    }
}
