package dev.limiter.localstack;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A DynamoDB endpoint for one test class, as {@link DynamoDbEndpointExtension} injects it.
 *
 * <p>The clients it builds use the SDK's default HTTP clients: {@code apache5-client} for the sync clients and
 * {@code netty-nio-client} for the async one (both come with the {@code dynamodb} artifact at runtime). Every
 * client gets an API call timeout of {@link #API_CALL_TIMEOUT} and an attempt timeout of
 * {@link #API_CALL_ATTEMPT_TIMEOUT}, so a test never hangs on a dead endpoint. The caller owns and closes each
 * client it builds.
 *
 * <p>Thread-safety: immutable.
 *
 * @param endpoint the HTTP endpoint serving DynamoDB and DynamoDB Streams
 * @param region the region to sign requests for
 * @param credentials the credentials to sign requests with
 * @param tableName a table name unique to the test class; the test creates the table itself
 * @param kind what serves the endpoint
 */
public record DynamoDbTestEndpoint(
        URI endpoint, Region region, AwsCredentialsProvider credentials, String tableName, EndpointKind kind) {

    /** The fake access key id moto and LocalStack accept. */
    public static final String FAKE_ACCESS_KEY = "test";

    /** The fake secret access key moto and LocalStack accept. */
    public static final String FAKE_SECRET_KEY = "test";

    /** The timeout of a whole API call, retries included: 30 seconds. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(30);

    /** The timeout of one HTTP attempt: 10 seconds. */
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the table name breaks DynamoDB's rule
     */
    public DynamoDbTestEndpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(kind, "kind");
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException(
                    "tableName must match [A-Za-z0-9_.-]{3,255}, was '" + tableName + "'");
        }
    }

    /** Returns static fake credentials ({@code test}/{@code test}), as moto and LocalStack accept. */
    public static AwsCredentialsProvider fakeCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(FAKE_ACCESS_KEY, FAKE_SECRET_KEY));
    }

    /**
     * Returns a copy with another table name.
     *
     * @param name the table name
     * @return the copy
     * @throws IllegalArgumentException if the name breaks DynamoDB's rule
     */
    public DynamoDbTestEndpoint withTableName(String name) {
        return new DynamoDbTestEndpoint(endpoint, region, credentials, name, kind);
    }

    /**
     * Returns a further table name unique to the test class: {@link #tableName()} + {@code "-"} + suffix, for
     * tests that need several tables.
     *
     * @param suffix letters, digits, {@code _}, {@code .} or {@code -}
     * @return the table name
     * @throws IllegalArgumentException if the result breaks DynamoDB's rule
     */
    public String tableName(String suffix) {
        return withTableName(tableName + "-" + suffix).tableName();
    }

    /**
     * Returns the control of the strict engine when this endpoint is one ({@link EndpointKind#MOTO_STRICT}, selected
     * with {@code -D}{@value MotoEngine#PROPERTY}{@code =strict} or {@value MotoEngine#VARIABLE}{@code =strict}), or
     * empty. Configure it per {@link #tableName()} so that test classes sharing the server do not interfere.
     */
    public Optional<StrictControl> strict() {
        return kind == EndpointKind.MOTO_STRICT ? Optional.of(StrictControl.of(endpoint)) : Optional.empty();
    }

    /** Builds a sync DynamoDB client for the endpoint. */
    public DynamoDbClient newSyncClient() {
        return newSyncClient(new ExecutionInterceptor[0]);
    }

    /**
     * Builds a sync DynamoDB client for the endpoint with extra interceptors, for example to count requests.
     *
     * @param interceptors run in the given order on every request
     * @return the client; the caller closes it
     */
    public DynamoDbClient newSyncClient(ExecutionInterceptor... interceptors) {
        return configure(DynamoDbClient.builder(), interceptors).build();
    }

    /** Builds an async DynamoDB client for the endpoint. */
    public DynamoDbAsyncClient newAsyncClient() {
        return newAsyncClient(new ExecutionInterceptor[0]);
    }

    /**
     * Builds an async DynamoDB client for the endpoint with extra interceptors, for example to count requests.
     *
     * @param interceptors run in the given order on every request
     * @return the client; the caller closes it
     */
    public DynamoDbAsyncClient newAsyncClient(ExecutionInterceptor... interceptors) {
        return configure(DynamoDbAsyncClient.builder(), interceptors).build();
    }

    /** Builds a sync DynamoDB Streams client for the endpoint; the caller closes it. */
    public DynamoDbStreamsClient newStreamsClient() {
        return configure(DynamoDbStreamsClient.builder(), new ExecutionInterceptor[0]).build();
    }

    /**
     * Points any AWS client builder at this endpoint: endpoint override, region and credentials, nothing else.
     * Use it for clients with settings of their own (timeouts, HTTP client, retry policy).
     *
     * @param builder the builder to configure
     * @param <B> the builder type
     * @return the same builder
     */
    public <B extends AwsClientBuilder<B, ?>> B applyTo(B builder) {
        return builder.endpointOverride(endpoint).region(region).credentialsProvider(credentials);
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, ExecutionInterceptor[] interceptors) {
        List<ExecutionInterceptor> extra = List.of(interceptors);
        return applyTo(builder).overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(API_CALL_TIMEOUT)
                .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .executionInterceptors(extra)
                .build());
    }
}
