package dev.limiter.cli.local;

import dev.limiter.localstack.EndpointKind;
import dev.limiter.localstack.LocalEndpoint;
import dev.limiter.localstack.LocalEndpointException;
import dev.limiter.localstack.LocalStackEndpoint;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LocalStack for {@code limiter local up}: {@code docker run --rm} of {@link LocalStackEndpoint#IMAGE} with the
 * DynamoDB services, as a detached child whose pid {@link LocalEndpoint} records. Stopping that {@code docker run}
 * process (SIGTERM) stops the container, which {@code --rm} then removes. Docker counts as available when the
 * {@code docker} command is on {@code PATH} and its daemon answers {@code docker version} within 10 seconds.
 */
final class LocalStackProcess {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private LocalStackProcess() {
    }

    /** Whether a Docker daemon answers. */
    static boolean dockerAvailable() {
        try {
            Process version = new ProcessBuilder("docker", "version", "--format", "{{.Server.Version}}")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!version.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                version.destroyForcibly();
                return false;
            }
            return version.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts LocalStack on {@code port} of 127.0.0.1 and waits until its health endpoint answers.
     *
     * @throws LocalEndpointException if Docker cannot start it or it does not answer within {@code timeout}
     */
    static LocalEndpoint start(int port, Path log, Duration timeout) {
        List<String> command = List.of("docker", "run", "--rm", "--name", "limiter-local-" + port,
                "-p", "127.0.0.1:" + port + ":4566", "-e", "SERVICES=dynamodb,dynamodbstreams", LocalStackEndpoint.IMAGE);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new LocalEndpointException("cannot run docker: " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        awaitHealthy(process, endpoint, log, timeout);
        return LocalEndpoint.of(endpoint, process.toHandle(), EndpointKind.LOCALSTACK, log);
    }

    private static void awaitHealthy(Process process, URI endpoint, Path log, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/_localstack/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new LocalEndpointException("docker run " + LocalStackEndpoint.IMAGE + " exited with code "
                        + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroy();
        throw new LocalEndpointException("LocalStack did not answer on " + endpoint + " within " + timeout
                + "; see " + log);
    }
}
