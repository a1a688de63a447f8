/**
 * Rendering for the terminal: {@link dev.limiter.cli.output.Terminal} (streams, terminal and color detection),
 * {@link dev.limiter.cli.output.TextTable} (aligned columns) and {@link dev.limiter.cli.output.ProgressLine}
 * (a live status line). Commands build rows from library values and hand them to these renderers.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.output;
