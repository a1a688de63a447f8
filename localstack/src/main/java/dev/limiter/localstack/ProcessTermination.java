package dev.limiter.localstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Ends one process that this module started, and its descendants, by handle: first politely (SIGTERM), then
 * forcibly (SIGKILL) once the grace period is over. It never looks processes up by name.
 */
final class ProcessTermination {

    private ProcessTermination() {
    }

    /**
     * Terminates the process and its descendants and waits for them.
     *
     * @param process the process to end
     * @param grace how long to wait after each signal
     * @return true if the process is no longer alive
     */
    static boolean terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (awaitExit(process, grace)) {
            descendants.forEach(child -> awaitExit(child, grace));
            return true;
        }
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        return awaitExit(process, grace);
    }

    /** Waits up to {@code timeout} for the process to exit; returns true if it has. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
