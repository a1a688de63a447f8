package dev.limiter.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Worker JVMs of a multi-process benchmark: each runs {@code main} of the benchmark's class on this JVM's class path
 * with its own arguments, and the coordinator waits for all of them, printing a progress line every 5 s and killing
 * them all past a time limit, so that a run stays bounded in time.
 */
final class WorkerProcesses {

    private static final long PROGRESS_SECONDS = 5;

    private WorkerProcesses() {
    }

    /**
     * Starts one worker per entry of {@code arguments} and waits until all have exited.
     *
     * @param main     the class whose {@code main} each worker runs
     * @param arguments each worker's arguments
     * @param limit    how long the workers may take in all
     * @param progress what to print after the elapsed seconds and workers done, every 5 s
     * @throws IllegalStateException if a worker fails or the limit passes (the workers are then killed)
     */
    static void run(Class<?> main, List<List<String>> arguments, Duration limit, Supplier<String> progress)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> workers = new ArrayList<>();
        try {
            for (List<String> args : arguments) {
                List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                        main.getName()));
                command.addAll(args);
                workers.add(new ProcessBuilder(command).inheritIO().start());
            }
            await(workers, limit, progress);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    private static void await(List<Process> workers, Duration limit, Supplier<String> progress)
            throws InterruptedException {
        long start = System.nanoTime();
        for (Process worker : workers) {
            while (!worker.waitFor(PROGRESS_SECONDS, TimeUnit.SECONDS)) {
                long elapsed = System.nanoTime() - start;
                long done = workers.stream().filter(p -> !p.isAlive()).count();
                System.out.printf("progress: %d s, %d/%d workers done, %s%n",
                        TimeUnit.NANOSECONDS.toSeconds(elapsed), done, workers.size(), progress.get());
                if (elapsed > limit.toNanos()) {
                    throw new IllegalStateException("workers did not finish within " + limit.toSeconds() + " s");
                }
            }
            if (worker.exitValue() != 0) {
                throw new IllegalStateException("a worker failed with exit code " + worker.exitValue());
            }
        }
    }
}
