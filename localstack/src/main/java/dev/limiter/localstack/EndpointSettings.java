package dev.limiter.localstack;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The test endpoint settings, read from JUnit configuration parameters (which include system properties and
 * {@code junit-platform.properties}) and environment variables. A parameter wins over its variable; blank
 * values count as unset. Names are the constants of {@link DynamoDbEndpointExtension}.
 */
final class EndpointSettings {

    private static final Region DEFAULT_REGION = Region.of(LocalEndpoint.DEFAULT_REGION);

    private final Map<String, String> environment;
    private final Function<String, Optional<String>> parameters;

    /**
     * Creates settings over the given sources.
     *
     * @param environment environment variables
     * @param parameters configuration parameters by name, for example
     *     {@code ExtensionContext::getConfigurationParameter}
     */
    EndpointSettings(Map<String, String> environment, Function<String, Optional<String>> parameters) {
        this.environment = Map.copyOf(environment);
        this.parameters = parameters;
    }

    /**
     * Returns the external endpoint, if one is named.
     *
     * @throws LocalEndpointException if the value is not an absolute http(s) URI
     */
    Optional<URI> externalEndpoint() {
        return property(DynamoDbEndpointExtension.ENDPOINT_PROPERTY)
                .or(() -> variable(DynamoDbEndpointExtension.ENDPOINT_VARIABLE))
                .map(EndpointSettings::parseEndpoint);
    }

    /** Returns the region: {@code limiter.test.region}, {@code LIMITER_TEST_REGION}, {@code AWS_REGION}, us-east-1. */
    Region region() {
        return property(DynamoDbEndpointExtension.REGION_PROPERTY)
                .or(() -> variable(DynamoDbEndpointExtension.REGION_VARIABLE))
                .or(() -> variable("AWS_REGION"))
                .map(Region::of)
                .orElse(DEFAULT_REGION);
    }

    /** Returns true if {@code -Dlimiter.test.localstack=true}. */
    boolean localStackRequested() {
        return property(DynamoDbEndpointExtension.LOCALSTACK_PROPERTY).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * Returns the credentials for an external endpoint: the SDK's default chain if
     * {@code LIMITER_TEST_USE_DEFAULT_CREDENTIALS=true}, otherwise fake static ones.
     */
    AwsCredentialsProvider externalCredentials() {
        boolean useDefault = property(DynamoDbEndpointExtension.DEFAULT_CREDENTIALS_PROPERTY)
                .or(() -> variable(DynamoDbEndpointExtension.DEFAULT_CREDENTIALS_VARIABLE))
                .map(Boolean::parseBoolean)
                .orElse(false);
        return useDefault ? DefaultCredentialsProvider.builder().build() : DynamoDbTestEndpoint.fakeCredentials();
    }

    /**
     * Returns the moto_server executable: {@code limiter.test.motoServer}, {@code LIMITER_TEST_MOTO_SERVER} or
     * {@code moto_server}.
     */
    String motoExecutable() {
        return property(DynamoDbEndpointExtension.MOTO_SERVER_PROPERTY)
                .or(() -> variable(DynamoDbEndpointExtension.MOTO_SERVER_VARIABLE))
                .orElse(MotoServer.EXECUTABLE);
    }

    /**
     * Returns the moto engine: {@value MotoEngine#PROPERTY}, {@value MotoEngine#VARIABLE} or
     * {@link MotoEngine#SERIALIZED}.
     *
     * @throws LocalEndpointException if the value is neither {@code serialized} nor {@code strict}
     */
    MotoEngine motoEngine() {
        Optional<String> value = property(MotoEngine.PROPERTY).or(() -> variable(MotoEngine.VARIABLE));
        try {
            return value.map(MotoEngine::parse).orElse(MotoEngine.SERIALIZED);
        } catch (IllegalArgumentException e) {
            throw new LocalEndpointException(e.getMessage(), e);
        }
    }

    private Optional<String> property(String name) {
        return parameters.apply(name).flatMap(EndpointSettings::nonBlank);
    }

    private Optional<String> variable(String name) {
        return nonBlank(environment.get(name));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static URI parseEndpoint(String value) {
        try {
            URI uri = URI.create(value);
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            throw new LocalEndpointException("malformed " + DynamoDbEndpointExtension.ENDPOINT_VARIABLE + " '"
                    + value + "': " + e.getMessage(), e);
        }
        throw new LocalEndpointException(DynamoDbEndpointExtension.ENDPOINT_VARIABLE
                + " must be an absolute http(s) URI such as http://localhost:4566, was '" + value + "'");
    }
}
