package dev.limiter.localstack;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * LocalStack in a Docker container, started through Testcontainers, serving DynamoDB and DynamoDB Streams.
 *
 * <p>It needs a Docker engine; check {@link DockerAvailability#isDockerAvailable()} first. Testcontainers'
 * Ryuk sidecar removes the container if the JVM dies without calling {@link #stop()}.
 *
 * <p>Thread-safety: safe for use by several threads; {@link #stop()} is idempotent.
 */
public final class LocalStackEndpoint implements AutoCloseable {

    /** The LocalStack image: the latest 4.x release. */
    public static final String IMAGE = "localstack/localstack:4";

    /** How long {@link #start()} waits for LocalStack to report ready: 3 minutes (the first pull is slow). */
    public static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackEndpoint.class);

    private final LocalStackContainer container;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private LocalStackEndpoint(LocalStackContainer container) {
        this.container = container;
    }

    /**
     * Starts a LocalStack container with the DynamoDB and DynamoDB Streams services and waits until it is ready.
     *
     * @return the running endpoint; the caller stops it
     * @throws LocalEndpointException if Docker is not available or the container does not start
     */
    public static LocalStackEndpoint start() {
        if (!DockerAvailability.isDockerAvailable()) {
            throw new LocalEndpointException("LocalStack needs a Docker engine and Testcontainers found none; "
                    + "unset -Dlimiter.test.localstack to use moto_server instead");
        }
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE))
                .withServices("dynamodb", "dynamodbstreams")
                .withStartupTimeout(STARTUP_TIMEOUT);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new LocalEndpointException("LocalStack (" + IMAGE + ") did not start: " + e.getMessage(), e);
        }
        LOG.info("Started LocalStack {} on {}", IMAGE, container.getEndpoint());
        return new LocalStackEndpoint(container);
    }

    /** Returns the endpoint of every service, DynamoDB included, for example {@code http://localhost:32768}. */
    public URI endpoint() {
        return container.getEndpoint();
    }

    /** Returns the region LocalStack serves. */
    public Region region() {
        return Region.of(container.getRegion());
    }

    /** Returns the static credentials LocalStack accepts. */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey()));
    }

    /** Stops and removes the container; calling it again does nothing. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            container.stop();
            LOG.info("Stopped LocalStack {}", IMAGE);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
