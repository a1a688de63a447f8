/**
 * Options shared by several commands, as picocli mixins: {@link dev.limiter.cli.options.GlobalOptions} on every
 * command, {@link dev.limiter.cli.options.BackendOptions} on every command that talks to a backend, and the
 * converters they use.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.options;
