package dev.limiter.cli.output;

/**
 * A status line that a long-running command updates: on a terminal it is rewritten in place with a carriage
 * return; elsewhere (a pipe, a file, CI logs) every update is its own line, so callers update less often there.
 * Not thread-safe: update it from one thread.
 */
public final class ProgressLine {

    private final Terminal terminal;
    private int shownLength;
    private boolean open;

    /** A progress line on {@code terminal}'s stdout. */
    public ProgressLine(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Shows {@code text}, replacing the previous text on a terminal. */
    public void show(String text) {
        if (terminal.interactive()) {
            String padding = " ".repeat(Math.max(0, shownLength - text.length()));
            terminal.out().print("\r" + text + padding);
            shownLength = text.length();
            open = true;
        } else {
            terminal.out().println(text);
        }
        terminal.out().flush();
    }

    /** Ends the line on a terminal, so that the next output starts on a fresh line. */
    public void finish() {
        if (open) {
            terminal.out().println();
            terminal.out().flush();
            open = false;
        }
    }
}
