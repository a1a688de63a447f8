package dev.limiter.localstack;

import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The one endpoint a test JVM shares, kept in JUnit's root store; JUnit closes it (and so stops what it
 * started) when the test run ends, because it is {@link AutoCloseable}.
 */
final class SharedEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedEndpoint.class);

    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final EndpointKind kind;
    private final Runnable stopper;

    private SharedEndpoint(
            URI endpoint, Region region, AwsCredentialsProvider credentials, EndpointKind kind, Runnable stopper) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.kind = kind;
        this.stopper = stopper;
    }

    /**
     * Opens the endpoint the settings select: the external one if named, else LocalStack if requested and
     * Docker is available, else a new {@code moto_server} of the selected {@link MotoEngine}.
     *
     * @throws LocalEndpointException if no endpoint is named and moto_server cannot start
     */
    static SharedEndpoint open(EndpointSettings settings) {
        Optional<URI> external = settings.externalEndpoint();
        if (external.isPresent()) {
            LOG.info("Using the external DynamoDB endpoint {}", external.get());
            return new SharedEndpoint(external.get(), settings.region(), settings.externalCredentials(),
                    EndpointKind.EXTERNAL, () -> { });
        }
        if (settings.localStackRequested()) {
            if (DockerAvailability.isDockerAvailable()) {
                LocalStackEndpoint localStack = LocalStackEndpoint.start();
                return new SharedEndpoint(localStack.endpoint(), localStack.region(), localStack.credentials(),
                        EndpointKind.LOCALSTACK, localStack::stop);
            }
            LOG.warn("{}=true but Testcontainers finds no Docker engine: using moto_server",
                    DynamoDbEndpointExtension.LOCALSTACK_PROPERTY);
        }
        return openMoto(settings);
    }

    private static SharedEndpoint openMoto(EndpointSettings settings) {
        MotoServer moto;
        MotoEngine engine = settings.motoEngine();
        try {
            moto = MotoServer.start(new MotoCommand(settings.motoExecutable(), engine),
                    MotoServer.DEFAULT_STARTUP_TIMEOUT);
        } catch (LocalEndpointException e) {
            throw new LocalEndpointException("No DynamoDB endpoint for tests: "
                    + DynamoDbEndpointExtension.ENDPOINT_VARIABLE + " is not set and moto_server did not start. "
                    + e.getMessage(), e);
        }
        return new SharedEndpoint(moto.endpoint(), settings.region(), DynamoDbTestEndpoint.fakeCredentials(),
                engine.kind(), moto::stop);
    }

    /** Returns the endpoint as one test class sees it. */
    DynamoDbTestEndpoint forTable(String tableName) {
        return new DynamoDbTestEndpoint(endpoint, region, credentials, tableName, kind);
    }

    /** Stops the server or container this endpoint started; an external endpoint is left alone. */
    @Override
    public void close() {
        stopper.run();
    }
}
