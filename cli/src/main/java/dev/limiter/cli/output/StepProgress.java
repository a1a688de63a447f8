package dev.limiter.cli.output;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.function.LongConsumer;

/**
 * Progress through a known number of steps, e.g. the changes of a large apply. On a terminal it is a progress bar
 * (me.tongfei.progressbar) rewritten in place; elsewhere (pipes, files, CI logs) it prints a line each time another
 * tenth of the steps is done, so logs stay short.
 *
 * <p>Thread-safe: {@link #stepTo} may be called from several threads, e.g. SDK I/O threads completing writes.
 */
public final class StepProgress implements AutoCloseable {

    private static final int BAR_WIDTH = 100;
    private static final int TENTHS = 10;

    private final Object lock = new Object();
    private final Terminal terminal;
    private final String task;
    private final long total;
    private final LongConsumer display;
    private final Runnable finish;
    private long done;
    private int tenthsShown;

    private StepProgress(Terminal terminal, String task, long total, boolean silent) {
        this.terminal = terminal;
        this.task = task;
        this.total = total;
        if (silent) {
            this.display = steps -> { };
            this.finish = () -> { };
        } else if (terminal.interactive()) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(terminal.color() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                    .setConsumer(new DelegatingProgressBarConsumer(this::redraw, BAR_WIDTH))
                    .setUpdateIntervalMillis(100).build();
            this.display = bar::stepTo;
            this.finish = () -> {
                bar.close();
                terminal.out().println();
            };
        } else {
            this.display = this::printTenth;
            this.finish = () -> { };
        }
    }

    /** Starts showing progress through {@code total} steps of {@code task}, e.g. {@code Applying}. */
    public static StepProgress start(Terminal terminal, String task, long total) {
        return new StepProgress(terminal, task, total, false);
    }

    /** Progress that shows nothing, for output that must stay clean (e.g. JSON on stdout). */
    public static StepProgress silent(Terminal terminal) {
        return new StepProgress(terminal, "", 0, true);
    }

    /** Records that {@code steps} steps are done; a lower count than already recorded is ignored. */
    public void stepTo(long steps) {
        synchronized (lock) {
            if (steps <= done) {
                return;
            }
            done = steps;
            display.accept(steps);
        }
    }

    /** Ends the bar (a terminal's cursor moves to a fresh line). */
    @Override
    public void close() {
        synchronized (lock) {
            finish.run();
            terminal.out().flush();
        }
    }

    private void printTenth(long steps) {
        int tenths = (int) (steps * TENTHS / Math.max(1, total));
        if (tenths > tenthsShown) {
            tenthsShown = tenths;
            terminal.out().println(task + ": " + steps + "/" + total + " (" + steps * 100 / Math.max(1, total) + "%)");
            terminal.out().flush();
        }
    }

    private void redraw(String rendered) {
        terminal.out().print("\r" + rendered);
        terminal.out().flush();
    }
}
