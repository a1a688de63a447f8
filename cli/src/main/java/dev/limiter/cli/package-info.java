/**
 * The {@code limiter} command line: {@link dev.limiter.cli.Main} wires picocli, {@link dev.limiter.cli.LimiterCommand}
 * is the root command and {@link dev.limiter.cli.ExitCode} lists what the process returns. Each command group lives
 * in its own package ({@code .limits}, {@code .entities}, {@code .status}, {@code .table}, {@code .local},
 * {@code .demo}), shared options in {@code .options} and renderers in {@code .output}. A command parses, calls the
 * library and renders, nothing more. {@code docs/cli.md} documents every command.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli;
