/**
 * Options shared by several commands, as picocli mixins: {@link dev.limiter.cli.options.GlobalOptions} on every
 * command, {@link dev.limiter.cli.options.BackendOptions} on every command that talks to a backend (and the groups
 * above them), {@link dev.limiter.cli.options.StateDirectory} on the {@code local} commands; the
 * {@link dev.limiter.cli.options.Environment} a command tree runs in, the environment variables that give options
 * their defaults ({@link dev.limiter.cli.options.EnvironmentDefaults}), and the converters options use.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.options;
