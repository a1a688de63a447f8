package dev.limiter.provision;

/** Told about each change as {@link Applier} completes it, e.g. to drive a progress bar. Called from I/O threads. */
@FunctionalInterface
public interface ApplyListener {

    /** {@code change} was written; {@code done} of {@code total} changes are complete. */
    void onApplied(Change change, int done, int total);
}
