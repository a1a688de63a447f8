package dev.limiter.cli.limits;

import dev.limiter.cli.output.StepProgress;
import dev.limiter.cli.output.Terminal;
import dev.limiter.provision.ApplyListener;
import dev.limiter.provision.Change;
import dev.limiter.provision.Plan;

/**
 * Shows an apply as it happens: one line per change for small plans, a progress bar (or a line per tenth off a
 * terminal) above {@value #PROGRESS_THRESHOLD} changes, nothing in JSON mode (stdout holds only the document).
 *
 * <p>Thread-safe: the engine calls {@link #onApplied} from SDK I/O threads.
 */
final class ApplyReporter implements ApplyListener, AutoCloseable {

    /** Plans with more changes than this show progress instead of one line per change. */
    static final int PROGRESS_THRESHOLD = 50;

    private final Object lock = new Object();
    private final Terminal terminal;
    private final boolean quiet;
    private final StepProgress progress;
    private final boolean large;

    ApplyReporter(Terminal terminal, Plan plan, boolean quiet) {
        this.terminal = terminal;
        this.quiet = quiet;
        this.large = plan.changes().size() > PROGRESS_THRESHOLD;
        this.progress = large && !quiet ? StepProgress.start(terminal, "Applying", plan.changes().size())
                : StepProgress.silent(terminal);
    }

    @Override
    public void onApplied(Change change, int done, int total) {
        if (quiet) {
            return;
        }
        if (large) {
            progress.stepTo(done);
            return;
        }
        synchronized (lock) {
            terminal.out().println(PlanView.symbol(change.action()) + " " + change.address() + ": " + past(change));
            terminal.out().flush();
        }
    }

    @Override
    public void close() {
        progress.close();
    }

    private static String past(Change change) {
        if (change.action() == Change.Action.CREATE) {
            return "created";
        }
        return change.action() == Change.Action.UPDATE ? "updated" : "destroyed";
    }
}
