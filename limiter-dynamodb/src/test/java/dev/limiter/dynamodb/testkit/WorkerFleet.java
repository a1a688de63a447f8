package dev.limiter.dynamodb.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Worker JVMs started by one test: the same JDK ({@code java.home}) and class path as the test JVM, one
 * {@link GrantWorker} each, released together once all of them have loaded their configurations.
 *
 * <p>The fleet only ever ends the processes it started, by their handles: {@link #kill} one mid-run, and
 * {@link #close()} whatever is still alive (after a timeout or a failed assertion). Each worker's standard error
 * goes to {@code worker-N.err} beside its record, quoted when it fails. Not thread-safe: one test drives it.
 */
public final class WorkerFleet implements AutoCloseable {

    /** The line a worker prints once it is ready to start. */
    static final String READY = "ready";
    /** The line a pausing worker prints once its callers have stopped. */
    static final String PAUSED = "paused";

    private final List<Process> processes = new ArrayList<>();
    private final List<CompletableFuture<Void>> ready = new ArrayList<>();
    private final List<CompletableFuture<Void>> paused = new ArrayList<>();
    private final List<WorkerSettings> workers = new ArrayList<>();
    private final Path directory;

    private WorkerFleet(Path directory) {
        this.directory = directory;
    }

    /**
     * Starts {@code count} workers of {@code settings}, worker {@code i} recording to {@code directory/worker-i.txt}.
     *
     * @throws IOException if a JVM cannot be started
     */
    public static WorkerFleet start(WorkerSettings settings, int count, Path directory) throws IOException {
        return start(Collections.nCopies(count, settings), directory);
    }

    /**
     * Starts one worker per element of {@code settings}, worker {@code i} recording to
     * {@code directory/worker-i.txt}.
     *
     * @throws IOException if a JVM cannot be started
     */
    public static WorkerFleet start(List<WorkerSettings> settings, Path directory) throws IOException {
        WorkerFleet fleet = new WorkerFleet(directory);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            for (int i = 0; i < settings.size(); i++) {
                WorkerSettings worker = settings.get(i).forWorker(i, directory.resolve("worker-" + i + ".txt"));
                List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                        "-cp", System.getProperty("java.class.path"), GrantWorker.class.getName()));
                command.addAll(worker.toArgs());
                Process process = new ProcessBuilder(command)
                        .redirectError(directory.resolve("worker-" + i + ".err").toFile()).start();
                fleet.processes.add(process);
                fleet.workers.add(worker);
                CompletableFuture<Void> isReady = new CompletableFuture<>();
                CompletableFuture<Void> isPaused = new CompletableFuture<>();
                Thread reader = new Thread(() -> drain(process, isReady, isPaused), "worker-" + i + "-stdout");
                reader.setDaemon(true); // a dedicated thread: the common pool may have a single thread here
                reader.start();
                fleet.ready.add(isReady);
                fleet.paused.add(isPaused);
            }
        } catch (IOException | RuntimeException failed) {
            fleet.close();
            throw failed;
        }
        return fleet;
    }

    /**
     * Waits until every worker is ready, then releases all of them at once.
     *
     * @throws IllegalStateException if a worker is not ready within {@code timeout} or exited first
     */
    public void go(Duration timeout) throws IOException, InterruptedException {
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notReady) {
            throw new IllegalStateException("workers not ready within " + timeout + diagnostics(), notReady);
        }
        for (Process process : processes) {
            OutputStream in = process.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
        }
    }

    /**
     * Waits until worker {@code index} (started with a pause) has stopped its callers.
     *
     * @throws IllegalStateException if it has not within {@code timeout}, or exited instead
     */
    public void awaitPaused(int index, Duration timeout) throws InterruptedException {
        try {
            paused.get(index).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notPaused) {
            throw new IllegalStateException("worker " + index + " did not pause within " + timeout + diagnostics(),
                    notPaused);
        }
    }

    /** Ends worker {@code index} at once ({@link Process#destroyForcibly()}), as a crashing host would. */
    public void kill(int index) throws InterruptedException {
        Process process = processes.get(index);
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Waits for every worker to exit and reads the records, in worker order.
     *
     * @throws IllegalStateException if one is still running after {@code timeout} (all are then ended), or a worker
     *                               that was not {@linkplain #kill killed} exited with a non-zero code
     */
    public List<WorkerRecord> await(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<WorkerRecord> records = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                String why = diagnostics();
                close();
                throw new IllegalStateException("worker " + i + " (pid " + process.pid() + ") still running after "
                        + timeout + "; all workers ended" + why);
            }
            records.add(WorkerRecord.read(workers.get(i).record()));
        }
        for (int i = 0; i < processes.size(); i++) {
            if (records.get(i).complete() && processes.get(i).exitValue() != 0) {
                throw new IllegalStateException("worker " + i + " exited with " + processes.get(i).exitValue()
                        + diagnostics());
            }
        }
        return records;
    }

    /** Ends every worker still alive (only this fleet's). */
    @Override
    public void close() {
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Completes {@code isReady} and {@code isPaused} on the worker's lines, reading to the end so that its output never
     * blocks it.
     */
    private static void drain(Process process, CompletableFuture<Void> isReady, CompletableFuture<Void> isPaused) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(READY)) {
                    isReady.complete(null);
                } else if (line.equals(PAUSED)) {
                    isPaused.complete(null);
                }
            }
        } catch (IOException e) {
            isReady.completeExceptionally(e);
            isPaused.completeExceptionally(e);
        }
        isReady.completeExceptionally(
                new IllegalStateException("worker pid " + process.pid() + " exited before it was ready"));
        isPaused.completeExceptionally(
                new IllegalStateException("worker pid " + process.pid() + " exited without pausing"));
    }

    private String diagnostics() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < processes.size(); i++) {
            Path err = directory.resolve("worker-" + i + ".err");
            text.append("\n--- worker ").append(i).append(" pid ").append(processes.get(i).pid())
                    .append(processes.get(i).isAlive() ? " running" : " exited").append(", stderr tail:\n");
            try {
                String content = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
                text.append(content.substring(Math.max(0, content.length() - 2_000)));
            } catch (IOException unreadable) {
                text.append("(unreadable: ").append(unreadable.getMessage()).append(')');
            }
        }
        return text.toString();
    }
}
