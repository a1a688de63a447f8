/**
 * Rendering for the terminal: {@link dev.limiter.cli.output.Terminal} (streams, terminal and color detection,
 * prompts), {@link dev.limiter.cli.output.TextTable} (aligned columns), {@link dev.limiter.cli.output.ProgressLine}
 * (a live status line), {@link dev.limiter.cli.output.StepProgress} (a progress bar or periodic lines) and
 * {@link dev.limiter.cli.output.JsonOutput} ({@code --output json}). Commands build rows and documents from library
 * values and hand them to these renderers; renderers of one command group's values live in that group's package.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.output;
