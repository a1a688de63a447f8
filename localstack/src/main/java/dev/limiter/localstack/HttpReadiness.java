package dev.limiter.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until a freshly started server process answers HTTP, or exits, or a deadline passes.
 *
 * <p>Any HTTP response counts as ready: the status does not matter, only that the server accepts requests.
 * Between probes it waits on the process's exit future, so an early exit is noticed at once.
 */
final class HttpReadiness {

    /** The outcome of a wait. */
    enum Outcome {
        /** The server answered and its process is alive. */
        READY,
        /** The process exited before it answered. */
        EXITED,
        /** The deadline passed. */
        TIMED_OUT
    }

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private HttpReadiness() {
    }

    /**
     * Polls {@code endpoint} until it answers while {@code process} lives, for at most {@code timeout}.
     *
     * @throws LocalEndpointException if the waiting thread is interrupted (its flag is restored)
     */
    static Outcome await(Process process, URI endpoint, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                return Outcome.EXITED;
            }
            if (answers(client, endpoint) && process.isAlive()) {
                return Outcome.READY;
            }
            if (ProcessTermination.awaitExit(process.toHandle(), PROBE_INTERVAL)) {
                return Outcome.EXITED;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new LocalEndpointException("interrupted while waiting for " + endpoint);
            }
        }
        return process.isAlive() ? Outcome.TIMED_OUT : Outcome.EXITED;
    }

    private static boolean answers(HttpClient client, URI endpoint) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(PROBE_TIMEOUT).GET().build();
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
